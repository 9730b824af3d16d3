package com.ostore.shipping.domain.port.out;

/** Pages the team's primary on-caller and later tells them the problem went away. */
public interface OnCallAlerter {

  /** Raises an alert; raising the same {@link OnCallAlert#dedupKey()} again must not page twice. */
  void trigger(OnCallAlert alert);

  /** Resolves the alert raised with this key. */
  void resolve(String dedupKey);
}
