package com.ostore.shipping.application.port.in;

/** Background work: the periodic tracking run of every order with packages on their way. */
public interface TrackShipmentsUseCase {
  /** Claims the orders due for tracking, asks the carriers in batches and records what changed. */
  int trackDueOrders();
}
