package com.ostore.shipping.sandbox.contract;

/**
 * One way a body breaks the published schema: where in the body ({@code $.toAddress.ZIPCode}), which
 * schema keyword refused it ({@code required}, {@code enum}, {@code maxLength}...) and the validator's
 * message, unchanged.
 */
public record ContractViolation(String location, String keyword, String message) {
  @Override
  public String toString() {
    return location + ": " + message;
  }
}
