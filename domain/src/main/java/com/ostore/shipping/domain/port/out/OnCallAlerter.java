package com.ostore.shipping.domain.port.out;

/**
 * Pages the team's primary on-caller and later tells them the problem went away. One call is one
 * attempt: the caller keeps the alert and tries again later (under the same key) until it is accepted.
 */
public interface OnCallAlerter {

  /** Raises an alert; raising the same {@link OnCallAlert#dedupKey()} again must not page twice. */
  OnCallDelivery trigger(OnCallAlert alert);

  /** Resolves the alert raised with this key. */
  OnCallDelivery resolve(String dedupKey);
}
