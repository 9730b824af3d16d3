package com.ostore.shipping.application.testing;

import com.ostore.shipping.domain.port.out.OnCallAlert;
import com.ostore.shipping.domain.port.out.OnCallAlerter;
import com.ostore.shipping.domain.port.out.OnCallDelivery;
import java.util.ArrayList;
import java.util.List;

/**
 * Remembers every alert raised and resolved, so tests can count pages; it accepts everything unless
 * a test makes the pager unavailable.
 */
public final class RecordingAlerter implements OnCallAlerter {
  private final List<OnCallAlert> triggered = new ArrayList<>();
  private final List<String> resolved = new ArrayList<>();
  private boolean unavailable;

  @Override
  public synchronized OnCallDelivery trigger(OnCallAlert alert) {
    triggered.add(alert);
    return answer();
  }

  @Override
  public synchronized OnCallDelivery resolve(String dedupKey) {
    resolved.add(dedupKey);
    return answer();
  }

  /** While unavailable the pager refuses everything (as PagerDuty answering 503 would). */
  public synchronized RecordingAlerter unavailable(boolean down) {
    this.unavailable = down;
    return this;
  }

  /** Every trigger call, repeats and refused ones included. */
  public synchronized List<OnCallAlert> triggered() {
    return List.copyOf(triggered);
  }

  /** Every resolve call's dedup key, in order. */
  public synchronized List<String> resolved() {
    return List.copyOf(resolved);
  }

  private OnCallDelivery answer() {
    return unavailable ? OnCallDelivery.failed("HTTP 503") : OnCallDelivery.ACCEPTED;
  }
}
