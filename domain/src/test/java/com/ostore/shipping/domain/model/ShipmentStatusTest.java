package com.ostore.shipping.domain.model;

import static com.ostore.shipping.domain.model.ShipmentStatus.AVAILABLE_FOR_PICKUP;
import static com.ostore.shipping.domain.model.ShipmentStatus.CANCELLED;
import static com.ostore.shipping.domain.model.ShipmentStatus.DELIVERED;
import static com.ostore.shipping.domain.model.ShipmentStatus.DELIVERY_ATTEMPTED;
import static com.ostore.shipping.domain.model.ShipmentStatus.EXCEPTION;
import static com.ostore.shipping.domain.model.ShipmentStatus.FAILED;
import static com.ostore.shipping.domain.model.ShipmentStatus.IN_TRANSIT;
import static com.ostore.shipping.domain.model.ShipmentStatus.LABEL_CREATED;
import static com.ostore.shipping.domain.model.ShipmentStatus.OUT_FOR_DELIVERY;
import static com.ostore.shipping.domain.model.ShipmentStatus.PENDING;
import static com.ostore.shipping.domain.model.ShipmentStatus.RETURNED;
import static com.ostore.shipping.domain.model.ShipmentStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ShipmentStatusTest {

  @ParameterizedTest
  @CsvSource({
      "PENDING, LABEL_CREATED", "PENDING, FAILED", "PENDING, CANCELLED",
      "LABEL_CREATED, SHIPPED", "LABEL_CREATED, IN_TRANSIT", "LABEL_CREATED, DELIVERED", "LABEL_CREATED, CANCELLED",
      "SHIPPED, IN_TRANSIT", "IN_TRANSIT, OUT_FOR_DELIVERY", "OUT_FOR_DELIVERY, DELIVERED", "IN_TRANSIT, RETURNED",
      "DELIVERY_ATTEMPTED, OUT_FOR_DELIVERY"})
  void legalMovesAreAllowed(ShipmentStatus from, ShipmentStatus to) {
    assertThat(from.canBecome(to)).isTrue();
    assertThat(from.moveTo(to)).isEqualTo(to);
  }

  @ParameterizedTest
  @CsvSource({
      "DELIVERED, IN_TRANSIT", "PENDING, IN_TRANSIT", "PENDING, DELIVERED", "LABEL_CREATED, PENDING",
      "IN_TRANSIT, LABEL_CREATED", "IN_TRANSIT, PENDING", "IN_TRANSIT, CANCELLED", "LABEL_CREATED, FAILED",
      "FAILED, PENDING", "CANCELLED, LABEL_CREATED", "RETURNED, DELIVERED"})
  void illegalMovesAreRefused(ShipmentStatus from, ShipmentStatus to) {
    assertThat(from.canBecome(to)).isFalse();
    assertThatExceptionOfType(IllegalStatusTransitionException.class).isThrownBy(() -> from.moveTo(to));
  }

  @Test
  void aRefusedMoveSaysWhichMoveInWireNames() {
    assertThatExceptionOfType(IllegalStatusTransitionException.class)
        .isThrownBy(() -> DELIVERED.moveTo(IN_TRANSIT))
        .withMessage("a shipment cannot go from delivered to in_transit");
  }

  @Test
  void inFlightStatesMayFollowEachOtherInAnyOrder() {
    List<ShipmentStatus> inFlight = Arrays.stream(ShipmentStatus.values()).filter(ShipmentStatus::isInFlight).toList();

    assertThat(inFlight).containsExactlyInAnyOrder(SHIPPED, IN_TRANSIT, EXCEPTION, DELIVERY_ATTEMPTED,
        AVAILABLE_FOR_PICKUP, OUT_FOR_DELIVERY);
    for (ShipmentStatus from : inFlight) {
      assertThat(inFlight).allSatisfy(to -> assertThat(from.canBecome(to)).as("%s -> %s", from, to).isTrue());
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"DELIVERED", "RETURNED", "CANCELLED", "FAILED"})
  void nothingLeavesAFinalStatus(ShipmentStatus last) {
    assertThat(last.isFinal()).isTrue();
    assertThat(ShipmentStatus.values())
        .filteredOn(next -> next != last)
        .allSatisfy(next -> assertThat(last.canBecome(next)).as("%s -> %s", last, next).isFalse());
  }

  @Test
  void aShipmentIsDeliveredOnlyWhenEveryPackageIs() {
    assertThat(ShipmentStatus.derivedFrom(List.of(DELIVERED, DELIVERED, DELIVERED))).isEqualTo(DELIVERED);
    assertThat(ShipmentStatus.derivedFrom(List.of(DELIVERED, OUT_FOR_DELIVERY, DELIVERED))).isEqualTo(OUT_FOR_DELIVERY);
  }

  @Test
  void anExceptionOnAnyPackageShows() {
    assertThat(ShipmentStatus.derivedFrom(List.of(DELIVERED, EXCEPTION, OUT_FOR_DELIVERY))).isEqualTo(EXCEPTION);
  }

  @Test
  void otherwiseTheSlowestPackageSetsThePace() {
    assertThat(ShipmentStatus.derivedFrom(List.of(OUT_FOR_DELIVERY, SHIPPED, IN_TRANSIT))).isEqualTo(SHIPPED);
    assertThat(ShipmentStatus.derivedFrom(List.of(IN_TRANSIT, LABEL_CREATED))).isEqualTo(LABEL_CREATED);
    assertThat(ShipmentStatus.derivedFrom(List.of(DELIVERED, RETURNED))).isEqualTo(RETURNED);
    assertThat(ShipmentStatus.derivedFrom(List.of())).isEqualTo(PENDING);
  }

  @ParameterizedTest
  @EnumSource(ShipmentStatus.class)
  void wireNamesRoundTrip(ShipmentStatus status) {
    assertThat(ShipmentStatus.fromWireName(status.wireName())).isEqualTo(status);
  }

  @Test
  void wireNamesAreLowerSnakeCase() {
    assertThat(OUT_FOR_DELIVERY.wireName()).isEqualTo("out_for_delivery");
    assertThat(ShipmentStatus.fromWireName("label_created")).isEqualTo(LABEL_CREATED);
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> ShipmentStatus.fromWireName("lost"));
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> ShipmentStatus.fromWireName("DELIVERED"));
    assertThat(CANCELLED.isInFlight()).isFalse();
    assertThat(FAILED.isFinal()).isTrue();
  }
}
