package com.ostore.shipping.domain.port.out;

import java.util.Objects;

/**
 * One alert claimed for sending: the trigger of an open alert, or the resolution of one the pager had
 * accepted. The claim token proves the claim when the outcome is recorded; {@code attempts} counts
 * the tries so far, this one included.
 */
public record AlertDelivery(long alertId, String claimToken, Action action, OnCallAlert alert, int attempts) {
  /** What is to be sent. */
  public enum Action {
    TRIGGER,
    RESOLVE
  }

  public AlertDelivery {
    Objects.requireNonNull(claimToken, "claimToken");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(alert, "alert");
  }
}
