package com.ostore.shipping.domain.port.out;

import java.util.Objects;

/**
 * What the pager made of one alert or resolution sent to it: accepted (PagerDuty answered {@code 202}),
 * or not, with the reason for the log. An alert is only ever recorded as sent once it was accepted.
 */
public record OnCallDelivery(boolean accepted, String problem) {
  /** The pager took the event. */
  public static final OnCallDelivery ACCEPTED = new OnCallDelivery(true, null);

  public OnCallDelivery {
    if (!accepted) {
      Objects.requireNonNull(problem, "problem");
    }
  }

  /** Not accepted; sending the same event again later may work. */
  public static OnCallDelivery failed(String problem) {
    return new OnCallDelivery(false, problem);
  }
}
