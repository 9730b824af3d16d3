package com.ostore.shipping.domain.port.out;

import java.util.Locale;

/** The kinds of background work; each names what its subject id refers to. */
public enum TaskKind {
  /** Buy labels for a shipment; subject = shipment id. At most one active per shipment. */
  CREATE_LABELS,
  /** Track an order's packages periodically until all arrive; subject = order id. One per order. */
  TRACK_ORDER;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
