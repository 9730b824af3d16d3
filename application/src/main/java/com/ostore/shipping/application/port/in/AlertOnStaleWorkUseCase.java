package com.ostore.shipping.application.port.in;

/** Pages the on-caller about work that has stayed unacknowledged for too long. */
public interface AlertOnStaleWorkUseCase {
  /**
   * Raises one alert per cause of work unacknowledged beyond the threshold (a piece of work, or a
   * carrier down for everyone) unless its alert is open, sends again the alerts the pager has not
   * accepted yet, and returns how many alerts it raised.
   */
  int alertOnStaleWork();
}
