package com.ostore.shipping.application.port.in;

/** Pages the on-caller about work that has stayed unacknowledged for too long. */
public interface AlertOnStaleWorkUseCase {
  /** Raises one alert per piece of work unacknowledged beyond the threshold; returns how many. */
  int alertOnStaleWork();
}
