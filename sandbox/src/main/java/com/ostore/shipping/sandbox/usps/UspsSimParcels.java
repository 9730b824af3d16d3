package com.ostore.shipping.sandbox.usps;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's labels: who bought what under which idempotency key, and each package's scans,
 * which appear one step at a time as the simulator clock moves on.
 */
final class UspsSimParcels {
  /** One scan USPS would report. */
  record Scan(String code, String description, Instant at, String city, String state, String zip) {}

  /** One label sold: when, where to, under which customer reference, and any scripted scans. */
  record Parcel(String trackingNumber, Instant createdAt, String city, String state, String zip, String reference,
      List<Scan> extraScans, boolean cancelled) {

    Parcel cancel() {
      return new Parcel(trackingNumber, createdAt, city, state, zip, reference, extraScans, true);
    }

    Parcel withScans(List<Scan> scans) {
      return new Parcel(trackingNumber, createdAt, city, state, zip, reference, scans, cancelled);
    }
  }

  /** What voiding a label came to: voided now, voided before, or no such label. */
  enum Void { CANCELED, ALREADY_CANCELED, NOT_FOUND }

  /** Outcome of a purchase: the parcel and whether it was a replay of an earlier key. */
  record Purchase(Parcel parcel, boolean replay) {}

  private final Map<String, Parcel> parcels = new ConcurrentHashMap<>();
  private final Map<String, String> byKey = new ConcurrentHashMap<>();
  private final Map<String, String> payloadByKey = new ConcurrentHashMap<>();
  // Starts from the wall clock so a restarted simulator never hands out a number it sold before.
  private final AtomicLong sequence = new AtomicLong(111_000_000_000_000_000L + System.currentTimeMillis() * 1000);

  /** Null payload match means the key was used with a different request. */
  synchronized Optional<Purchase> buy(String key, String payload, Instant now, String city, String state, String zip,
      String reference) {
    if (key != null && byKey.containsKey(key)) {
      if (!payloadByKey.get(key).equals(payload)) {
        return Optional.empty();
      }
      return Optional.of(new Purchase(parcels.get(byKey.get(key)), true));
    }
    Parcel parcel = new Parcel("9400" + sequence.incrementAndGet(), now, city, state, zip, reference, List.of(), false);
    parcels.put(parcel.trackingNumber(), parcel);
    if (key != null) {
      byKey.put(key, parcel.trackingNumber());
      payloadByKey.put(key, payload);
    }
    return Optional.of(new Purchase(parcel, false));
  }

  Parcel register(String trackingNumber, Instant now, String city, String state, String zip) {
    Parcel parcel = new Parcel(trackingNumber, now, city, state, zip, "", List.of(), false);
    parcels.put(trackingNumber, parcel);
    return parcel;
  }

  synchronized Void cancel(String trackingNumber) {
    Parcel parcel = parcels.get(trackingNumber);
    if (parcel == null) {
      return Void.NOT_FOUND;
    }
    if (parcel.cancelled()) {
      return Void.ALREADY_CANCELED;
    }
    parcels.put(trackingNumber, parcel.cancel());
    return Void.CANCELED;
  }

  /** Voids what was bought with that idempotency key ({@code DELETE /labels/v3/label}). */
  synchronized Void cancelByKey(String key) {
    String number = key == null ? null : byKey.get(key);
    return number == null ? Void.NOT_FOUND : cancel(number);
  }

  boolean isCancelled(String trackingNumber) {
    Parcel parcel = parcels.get(trackingNumber);
    return parcel != null && parcel.cancelled();
  }

  synchronized String trackingNumberOf(String key) {
    return byKey.get(key);
  }

  /** Labels sold under this customer reference and not voided, oldest first. */
  List<String> live(String reference) {
    return parcels.values().stream().filter(parcel -> parcel.reference().equals(reference) && !parcel.cancelled())
        .sorted((a, b) -> a.trackingNumber().compareTo(b.trackingNumber())).map(Parcel::trackingNumber).toList();
  }

  synchronized void addScan(String trackingNumber, Scan scan) {
    Parcel parcel = parcels.get(trackingNumber);
    if (parcel == null) {
      throw new IllegalArgumentException("unknown tracking number " + trackingNumber);
    }
    List<Scan> extra = new ArrayList<>(parcel.extraScans());
    extra.add(scan);
    parcels.put(trackingNumber, parcel.withScans(List.copyOf(extra)));
  }

  Optional<Parcel> find(String trackingNumber) {
    return Optional.ofNullable(parcels.get(trackingNumber)).filter(parcel -> !parcel.cancelled());
  }

  /** Scans up to {@code now}, newest first: GX, 03, 10, T1, OF, 01 one {@code step} apart. */
  static List<Scan> scans(Parcel parcel, Instant now, Duration step) {
    Instant t0 = parcel.createdAt();
    List<Scan> all = new ArrayList<>(List.of(
        new Scan("GX", "Shipping Label Created, USPS Awaiting Item", t0, "SPRINGFIELD GARDENS", "NY", "11413"),
        new Scan("03", "USPS in possession of item", t0.plus(step), "JAMAICA", "NY", "11430"),
        new Scan("10", "Arrived at USPS Regional Origin Facility", t0.plus(step.multipliedBy(2)),
            "QUEENS NY DISTRIBUTION CENTER", null, null),
        new Scan("T1", "Departed USPS Regional Facility", t0.plus(step.multipliedBy(3)),
            "QUEENS NY DISTRIBUTION CENTER", null, null),
        new Scan("OF", "Out for Delivery", t0.plus(step.multipliedBy(4)), parcel.city(), parcel.state(), parcel.zip()),
        new Scan("01", "Delivered, In/At Mailbox", t0.plus(step.multipliedBy(5)), parcel.city(), parcel.state(),
            parcel.zip())));
    all.addAll(parcel.extraScans());
    return all.stream().filter(scan -> !scan.at().isAfter(now))
        .sorted((a, b) -> b.at().compareTo(a.at())).toList();
  }
}
