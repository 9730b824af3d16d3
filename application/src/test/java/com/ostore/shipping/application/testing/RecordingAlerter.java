package com.ostore.shipping.application.testing;

import com.ostore.shipping.domain.port.out.OnCallAlert;
import com.ostore.shipping.domain.port.out.OnCallAlerter;
import java.util.ArrayList;
import java.util.List;

/** Remembers every alert raised and resolved, so tests can count pages. */
public final class RecordingAlerter implements OnCallAlerter {
  private final List<OnCallAlert> triggered = new ArrayList<>();
  private final List<String> resolved = new ArrayList<>();

  @Override
  public synchronized void trigger(OnCallAlert alert) {
    triggered.add(alert);
  }

  @Override
  public synchronized void resolve(String dedupKey) {
    resolved.add(dedupKey);
  }

  /** Every trigger call, repeats included. */
  public synchronized List<OnCallAlert> triggered() {
    return List.copyOf(triggered);
  }

  /** Every resolved dedup key, in order. */
  public synchronized List<String> resolved() {
    return List.copyOf(resolved);
  }
}
