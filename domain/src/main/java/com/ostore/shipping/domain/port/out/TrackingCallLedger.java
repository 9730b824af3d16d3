package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.CarrierCode;
import java.time.Instant;

/**
 * The tracking calls made to each carrier, shared by every instance of the service, so that together
 * they stay within a carrier's hourly budget: an instance that counted only its own calls would spend the
 * whole budget again beside the others, and the carrier would refuse the excess.
 */
public interface TrackingCallLedger {

  /** How many calls to {@code carrier} were recorded after {@code since}. */
  int callsSince(CarrierCode carrier, Instant since);

  /**
   * Records a call to {@code carrier} at {@code at} unless {@code limit} calls were already recorded after
   * {@code since}; true when it was recorded (the call may go). Two instances asking at once never both get
   * the last call of a budget. Calls recorded before {@code since} may be forgotten.
   */
  boolean tryRecord(CarrierCode carrier, Instant at, Instant since, int limit);
}
