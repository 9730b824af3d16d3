package com.ostore.shipping.sandbox.fedex;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One package the simulator sold a label for, and the scans it has had by a given instant. */
final class SimulatedPackage {
  /** One scan: FedEx code, words, derived family and where it happened. */
  record Scan(String code, String description, String derivedCode, String derivedStatus, Instant at,
      String city, String state, String postalCode, String country) {}

  private record Stage(String code, String description, String derivedCode, String derivedStatus, int hub) {}

  private static final String[][] HUBS = {
      {"MEMPHIS", "TN", "38118"}, {"INDIANAPOLIS", "IN", "46241"}, {"CHICAGO", "IL", "60666"}};
  private static final List<Stage> STAGES = List.of(
      new Stage("OC", "Shipment information sent to FedEx", "IN", "Label created", 0),
      new Stage("PU", "Picked up", "PU", "Picked up", 0),
      new Stage("IT", "On the way", "IT", "In transit", 1),
      new Stage("AR", "Arrived at FedEx location", "IT", "In transit", 2),
      new Stage("DP", "Departed FedEx location", "IT", "In transit", 2),
      new Stage("OD", "On FedEx vehicle for delivery", "IT", "In transit", -1),
      new Stage("DL", "Delivered", "DL", "Delivered", -1));

  final String trackingNumber;
  final String masterTrackingNumber;
  final String reference;
  final String parcelReference;
  final String[] destination;
  final String addressee;
  final Instant createdAt;
  private volatile Instant cancelledAt;
  private volatile Scan exception;

  SimulatedPackage(String trackingNumber, String masterTrackingNumber, String reference, String parcelReference,
      String[] destination, String addressee, Instant createdAt) {
    this.trackingNumber = trackingNumber;
    this.masterTrackingNumber = masterTrackingNumber;
    this.reference = reference;
    this.parcelReference = parcelReference;
    this.destination = destination.clone();
    this.addressee = addressee;
    this.createdAt = createdAt;
  }

  boolean isCancelled() {
    return cancelledAt != null;
  }

  /** FedEx voids only labels whose package it does not have yet. */
  synchronized boolean cancel(Instant now, Duration stage) {
    if (cancelledAt != null || !now.isBefore(createdAt.plus(stage))) {
      return false;
    }
    cancelledAt = now;
    return true;
  }

  void scriptException(String code, String description, Instant at) {
    exception = new Scan(code, description, code, "Exception", at, destination[0], destination[1], destination[2],
        destination[3]);
  }

  void clearException() {
    exception = null;
  }

  /** Scans up to {@code now}, newest first; an active exception holds back the stages after it. */
  List<Scan> scans(Instant now, Duration stage) {
    List<Scan> scans = new ArrayList<>();
    Instant holdFrom = exception != null && !exception.at().isAfter(now) ? exception.at() : null;
    for (int i = 0; i < STAGES.size(); i++) {
      Instant at = createdAt.plus(stage.multipliedBy(i));
      boolean held = holdFrom != null && at.isAfter(holdFrom);
      boolean afterCancel = cancelledAt != null && i > 0;
      if (at.isAfter(now) || held || afterCancel) {
        break;
      }
      scans.add(0, scan(STAGES.get(i), at));
    }
    if (cancelledAt != null) {
      scans.add(0, new Scan("CA", "Shipment cancelled by sender", "CA", "Cancelled", cancelledAt,
          HUBS[0][0], HUBS[0][1], HUBS[0][2], "US"));
    } else if (holdFrom != null) {
      scans.add(0, exception);
    }
    return scans;
  }

  private Scan scan(Stage stage, Instant at) {
    String[] place = stage.hub() < 0 ? destination : new String[] {HUBS[stage.hub()][0], HUBS[stage.hub()][1],
        HUBS[stage.hub()][2], "US"};
    return new Scan(stage.code(), stage.description(), stage.derivedCode(), stage.derivedStatus(), at,
        place[0], place[1], place[2], place[3]);
  }
}
