package com.ostore.shipping.domain.model;

import static com.ostore.shipping.domain.testing.ShipmentTestData.T0;
import static com.ostore.shipping.domain.testing.ShipmentTestData.aShipment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShipmentTest {
  private static final Instant LATER = T0.plus(Duration.ofHours(2));

  @Test
  void aNewShipmentIsPendingWithPendingPackages() {
    Shipment shipment = aShipment().withParcels(2).build();

    assertThat(shipment.status()).isEqualTo(ShipmentStatus.PENDING);
    assertThat(shipment.version()).isZero();
    assertThat(shipment.createdAt()).isEqualTo(T0);
    assertThat(shipment.parcels()).hasSize(2)
        .allSatisfy(p -> {
          assertThat(p.status()).isEqualTo(ShipmentStatus.PENDING);
          assertThat(p.trackingNumberIfAssigned()).isEmpty();
        });
    assertThat(shipment.failureReasonIfFailed()).isEmpty();
  }

  @Test
  void aShipmentNeedsAPackageOfItsOwn() {
    ShipmentId id = ShipmentId.of(1);
    Parcel foreign = Parcel.pending(ParcelId.of(9), ShipmentId.of(2), Weight.pounds("1"), null, T0);

    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> Shipment.create(id, OrderId.of(1), address(), CarrierCode.FEDEX, null, List.of(), T0));
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> Shipment.create(id, OrderId.of(1), address(), CarrierCode.FEDEX, null, List.of(foreign), T0));
  }

  @Test
  void thePackageListCannotBeChangedFromOutside() {
    Shipment shipment = aShipment().build();

    assertThatExceptionOfType(UnsupportedOperationException.class)
        .isThrownBy(() -> shipment.parcels().add(shipment.parcels().get(0)));
  }

  @Test
  void boughtLabelsGiveEveryPackageItsTrackingNumber() {
    Shipment shipment = aShipment().withParcels(2).build();

    Shipment labelled = shipment.labelsBought("FEDEX_GROUND", numbersFor(shipment), LATER);

    assertThat(labelled.status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
    assertThat(labelled.serviceType()).isEqualTo("FEDEX_GROUND");
    assertThat(labelled.updatedAt()).isEqualTo(LATER);
    assertThat(labelled.parcels()).extracting(p -> p.trackingNumber().value())
        .containsExactly("794600000001", "794600000002");
    assertThat(labelled.parcels()).allSatisfy(p -> {
      assertThat(p.status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
      assertThat(p.serviceType()).isEqualTo("FEDEX_GROUND");
    });
    assertThat(shipment.status()).as("the original is unchanged").isEqualTo(ShipmentStatus.PENDING);
  }

  @Test
  void labelsForOnlySomePackagesAreRefused() {
    Shipment shipment = aShipment().withParcels(2).build();
    Map<ParcelId, TrackingNumber> oneOnly = Map.of(shipment.parcels().get(0).id(), TrackingNumber.of("794600000001"));

    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> shipment.labelsBought("FEDEX_GROUND", oneOnly, LATER));
  }

  @Test
  void aRefusedShipmentFailsWithTheCarriersReason() {
    Shipment failed = aShipment().withParcels(2).build().failed("fedex: invalid postal code", LATER);

    assertThat(failed.status()).isEqualTo(ShipmentStatus.FAILED);
    assertThat(failed.failureReasonIfFailed()).contains("fedex: invalid postal code");
    assertThat(failed.parcels()).extracting(Parcel::status).containsOnly(ShipmentStatus.FAILED);
    assertThat(failed.isSettled()).isTrue();
  }

  @Test
  void aLabelledShipmentCannotFail() {
    Shipment labelled = labelled(1);

    assertThatExceptionOfType(IllegalStatusTransitionException.class)
        .isThrownBy(() -> labelled.failed("too late", LATER));
  }

  @Test
  void onePackageMovingLeavesTheShipmentAtItsSlowestPackage() {
    Shipment shipment = labelled(2);
    ParcelId first = shipment.parcels().get(0).id();

    Shipment moved = shipment.parcelMoved(first, ShipmentStatus.IN_TRANSIT, LATER);

    assertThat(moved.parcel(first).orElseThrow().status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
    assertThat(moved.parcels().get(1).status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
    assertThat(moved.status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
    assertThat(moved.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void theShipmentIsDeliveredOnlyWhenEveryPackageIs() {
    Shipment shipment = labelled(2);
    ParcelId first = shipment.parcels().get(0).id();
    ParcelId second = shipment.parcels().get(1).id();

    Shipment oneDelivered = shipment.parcelMoved(first, ShipmentStatus.OUT_FOR_DELIVERY, LATER)
        .parcelMoved(second, ShipmentStatus.IN_TRANSIT, LATER)
        .parcelMoved(first, ShipmentStatus.DELIVERED, LATER);
    Shipment bothDelivered = oneDelivered.parcelMoved(second, ShipmentStatus.DELIVERED, LATER);

    assertThat(oneDelivered.status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
    assertThat(oneDelivered.isSettled()).isFalse();
    assertThat(bothDelivered.status()).isEqualTo(ShipmentStatus.DELIVERED);
    assertThat(bothDelivered.isSettled()).isTrue();
  }

  @Test
  void anExceptionOnOnePackageShowsOnTheShipment() {
    Shipment shipment = labelled(2);

    Shipment moved = shipment.parcelMoved(shipment.parcels().get(1).id(), ShipmentStatus.EXCEPTION, LATER);

    assertThat(moved.status()).isEqualTo(ShipmentStatus.EXCEPTION);
  }

  @Test
  void anIllegalMoveLeavesThePackageAsItWas() {
    Shipment delivered = labelled(1);
    ParcelId parcel = delivered.parcels().get(0).id();
    delivered = delivered.parcelMoved(parcel, ShipmentStatus.DELIVERED, LATER);

    Shipment afterLateScan = delivered.parcelMoved(parcel, ShipmentStatus.IN_TRANSIT, LATER.plusSeconds(60));

    assertThat(afterLateScan).isSameAs(delivered);
    assertThat(afterLateScan.status()).isEqualTo(ShipmentStatus.DELIVERED);
  }

  @Test
  void aMoveOfAnUnknownPackageChangesNothing() {
    Shipment shipment = labelled(1);

    assertThat(shipment.parcelMoved(ParcelId.of(999_999), ShipmentStatus.IN_TRANSIT, LATER)).isSameAs(shipment);
  }

  @Test
  void aPendingShipmentCanBeCancelledButADeliveredOneCannot() {
    Shipment cancelled = aShipment().build().cancelled(LATER);
    Shipment delivered = labelled(1);
    Shipment finished = delivered.parcelMoved(delivered.parcels().get(0).id(), ShipmentStatus.DELIVERED, LATER);

    assertThat(cancelled.status()).isEqualTo(ShipmentStatus.CANCELLED);
    assertThat(cancelled.parcels()).extracting(Parcel::status).containsOnly(ShipmentStatus.CANCELLED);
    assertThatExceptionOfType(IllegalStatusTransitionException.class).isThrownBy(() -> finished.cancelled(LATER));
  }

  @Test
  void aSavedShipmentKeepsEverythingButItsVersion() {
    Shipment shipment = labelled(1);

    Shipment saved = shipment.withVersion(7);

    assertThat(saved.version()).isEqualTo(7);
    assertThat(saved).usingRecursiveComparison().ignoringFields("version").isEqualTo(shipment);
  }

  private static Shipment labelled(int parcels) {
    Shipment shipment = aShipment().withParcels(parcels).build();
    return shipment.labelsBought("FEDEX_GROUND", numbersFor(shipment), T0.plusSeconds(30));
  }

  private static Map<ParcelId, TrackingNumber> numbersFor(Shipment shipment) {
    Map<ParcelId, TrackingNumber> numbers = new HashMap<>();
    for (int i = 0; i < shipment.parcels().size(); i++) {
      numbers.put(shipment.parcels().get(i).id(), TrackingNumber.of("7946%08d".formatted(i + 1)));
    }
    return numbers;
  }

  private static ShippingAddress address() {
    return ShippingAddress.parse("350 Fifth Avenue, New York, NY 10118, US");
  }
}
