package com.ostore.shipping.application.port.in;

import com.ostore.shipping.domain.model.CarrierCode;
import java.util.Map;

/** Background work: the periodic tracking run of every order with packages on their way. */
public interface TrackShipmentsUseCase {
  /** Claims the orders due for tracking, asks the carriers in batches and records what changed. */
  int trackDueOrders();

  /** Per carrier, the due orders the last run had to leave for want of tracking budget (for operators). */
  Map<CarrierCode, Integer> backlog();
}
