package com.ostore.shipping.domain.model;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a shipment or one of its packages stands. On the wire and in the database it is the
 * lower-case snake_case name ({@code out_for_delivery}).
 */
public enum ShipmentStatus {
  PENDING(0),
  LABEL_CREATED(1),
  SHIPPED(2),
  IN_TRANSIT(3),
  EXCEPTION(3),
  DELIVERY_ATTEMPTED(4),
  AVAILABLE_FOR_PICKUP(4),
  OUT_FOR_DELIVERY(5),
  DELIVERED(6),
  RETURNED(6),
  CANCELLED(6),
  FAILED(6);

  private static final ShipmentStatus[] VALUES = values();
  private static final Set<ShipmentStatus> IN_FLIGHT =
      EnumSet.of(SHIPPED, IN_TRANSIT, EXCEPTION, DELIVERY_ATTEMPTED, AVAILABLE_FOR_PICKUP, OUT_FOR_DELIVERY);

  /** How far along the journey the status is; used to derive a shipment's status from its packages. */
  private final int progress;
  /** Made once: every answer and every row read names a status, and lower-casing each time showed in profiles. */
  private final String wireName;

  ShipmentStatus(int progress) {
    this.progress = progress;
    this.wireName = name().toLowerCase(Locale.ROOT);
  }

  public String wireName() {
    return wireName;
  }

  public static ShipmentStatus fromWireName(String name) {
    for (ShipmentStatus status : VALUES) {
      if (status.wireName.equals(name)) {
        return status;
      }
    }
    throw new ValidationException("unknown shipment status '" + Text.quoted(String.valueOf(name), 40) + "'");
  }

  /** Nothing follows a final status: tracking stops there. */
  public boolean isFinal() {
    return this == DELIVERED || this == RETURNED || this == CANCELLED || this == FAILED;
  }

  /** The package is with the carrier (picked up, not yet at a final status). */
  public boolean isInFlight() {
    return IN_FLIGHT.contains(this);
  }

  /**
   * The legal moves. Carriers report in-flight states in any order (an exception, then in transit
   * again; a failed attempt, then out for delivery again), so in-flight states may follow each other
   * freely; nothing leaves a final status and nothing goes back to before the label.
   */
  public boolean canBecome(ShipmentStatus next) {
    if (next == this) {
      return true;
    }
    return switch (this) {
      case PENDING -> next == LABEL_CREATED || next == FAILED || next == CANCELLED;
      case LABEL_CREATED -> next.isInFlight() || next == DELIVERED || next == RETURNED || next == CANCELLED;
      case SHIPPED, IN_TRANSIT, EXCEPTION, DELIVERY_ATTEMPTED, AVAILABLE_FOR_PICKUP, OUT_FOR_DELIVERY ->
          next.isInFlight() || next == DELIVERED || next == RETURNED;
      case DELIVERED, RETURNED, CANCELLED, FAILED -> false;
    };
  }

  /** Moves to {@code next} or refuses with {@link IllegalStatusTransitionException}. */
  public ShipmentStatus moveTo(ShipmentStatus next) {
    if (!canBecome(next)) {
      throw new IllegalStatusTransitionException(this, next);
    }
    return next;
  }

  /**
   * A shipment's status from its packages' statuses: delivered only when every package is; an
   * exception on any package shows; otherwise the least advanced package sets the pace.
   */
  public static ShipmentStatus derivedFrom(Collection<ShipmentStatus> packageStatuses) {
    if (packageStatuses.isEmpty()) {
      return PENDING;
    }
    EnumSet<ShipmentStatus> distinct = EnumSet.copyOf(packageStatuses);
    if (distinct.size() == 1) {
      return distinct.iterator().next();
    }
    if (distinct.contains(EXCEPTION)) {
      return EXCEPTION;
    }
    EnumSet<ShipmentStatus> open = EnumSet.copyOf(distinct);
    open.removeIf(ShipmentStatus::isFinal);
    if (open.isEmpty()) {
      // All final but mixed (some delivered, some returned): returned is what needs attention.
      return distinct.contains(RETURNED) ? RETURNED : distinct.contains(DELIVERED) ? DELIVERED : CANCELLED;
    }
    ShipmentStatus slowest = null;
    for (ShipmentStatus status : open) {
      if (slowest == null || status.progress < slowest.progress) {
        slowest = status;
      }
    }
    return slowest;
  }
}
