package com.ostore.shipping.application.port.in;

import java.util.Map;

/** Tells whether the service can do its work (database reachable) and how much work is waiting. */
public interface CheckHealthUseCase {
  /** A readiness report. */
  record Health(boolean ready, Map<String, Object> details) {
    public Health {
      details = Map.copyOf(details);
    }
  }

  Health health();
}
