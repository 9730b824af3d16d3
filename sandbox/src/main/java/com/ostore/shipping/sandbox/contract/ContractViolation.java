package com.ostore.shipping.sandbox.contract;

import java.util.List;
import java.util.Set;

/**
 * One way a body breaks the published schema: where in the body ({@code $.toAddress.ZIPCode}), which
 * schema keyword refused it ({@code required}, {@code enum}, {@code maxLength}...) and the validator's
 * message, unchanged.
 */
public record ContractViolation(String location, String keyword, String message) {
  private static final Set<String> SUMMARIES = Set.of("oneOf", "anyOf", "allOf");

  /**
   * The violations a carrier would report: a failed {@code oneOf}/{@code anyOf}/{@code allOf} only
   * summarizes the specific violations found inside it, so it is dropped when those are there.
   */
  public static List<ContractViolation> specific(List<ContractViolation> violations) {
    List<ContractViolation> specific = violations.stream()
        .filter(violation -> !SUMMARIES.contains(violation.keyword())).toList();
    return specific.isEmpty() ? violations : specific;
  }

  @Override
  public String toString() {
    return location + ": " + message;
  }
}
