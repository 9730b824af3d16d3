package com.ostore.shipping.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.port.in.ShipmentNotCancellableException;
import com.ostore.shipping.application.testing.ShippingFixture;
import com.ostore.shipping.application.testing.StoredTask;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Parcel;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.LabelReference;
import com.ostore.shipping.domain.testing.ShipmentTestData;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CancelShipmentServiceTest {
  private final ShippingFixture fixture = new ShippingFixture();
  private final CancelShipmentService cancel =
      new CancelShipmentService(fixture.storage(), fixture.carriers, fixture.clock);

  @Test
  void givenAPendingShipment_whenCancelled_thenItNeverGetsALabel() {
    Shipment created = fixture.createService().createShipment(CreateShipmentCommand.of(OrderId.of(5),
        ShippingAddress.parse(ShipmentTestData.US_ADDRESS)));

    Shipment cancelled = cancel.cancelShipment(created.id());
    fixture.labelWorker("w").processDueLabelTasks();

    assertThat(cancelled.status()).isEqualTo(ShipmentStatus.CANCELLED);
    assertThat(fixture.fedex.purchaseRequests()).isEmpty();
    assertThat(fixture.shipments.get(created.id()).status()).isEqualTo(ShipmentStatus.CANCELLED);
    assertThat(fixture.outbox.ofType("cancelled")).hasSize(1);
  }

  @Test
  void givenALabelledShipment_whenCancelled_thenEveryLabelIsVoidedWithTheCarrier() {
    Shipment labelled = fixture.labelledShipment(6, CarrierCode.USPS, 2);

    Shipment cancelled = cancel.cancelShipment(labelled.id());

    assertThat(fixture.usps.cancelled())
        .containsExactlyInAnyOrderElementsOf(labelled.parcels().stream().map(Parcel::trackingNumber).toList());
    assertThat(cancelled.parcels()).extracting(Parcel::status).containsOnly(ShipmentStatus.CANCELLED);
    assertThat(fixture.outbox.ofType("cancelled")).singleElement()
        .satisfies(event -> assertThat(event.shipmentId()).isEqualTo(labelled.id()));
  }

  @Test
  void givenAThreePackageFedexShipment_whenCancelled_thenItsStoredMasterIsVoidedOnceForAllThreeLabels() {
    Shipment labelled = fixture.labelledShipment(9, CarrierCode.FEDEX, 3);
    TrackingNumber master = labelled.parcels().get(0).trackingNumber();

    Shipment cancelled = cancel.cancelShipment(labelled.id());

    assertThat(cancelled.status()).isEqualTo(ShipmentStatus.CANCELLED);
    assertThat(fixture.fedex.shipmentCancellations()).singleElement().satisfies(references -> assertThat(references)
        .extracting(LabelReference::masterTrackingNumber).containsOnly(master));
    assertThat(fixture.fedex.voidsPerLabel()).hasSize(3).containsOnlyKeys(
        labelled.parcels().stream().map(Parcel::trackingNumber).toList()).allSatisfy((label, voids) ->
        assertThat(voids).as("voids of %s", label).isEqualTo(1));
  }

  @Test
  void everyTransactionWritingAnOrdersEventsTakesTheOrdersEventLock() {
    Shipment labelled = fixture.labelledShipment(8, CarrierCode.FEDEX, 1);
    fixture.clock.advance(Duration.ofHours(26));
    fixture.trackingWorker("t").trackDueOrders();

    cancel.cancelShipment(labelled.id());

    assertThat(fixture.outbox.lockedOrders()).as("label purchase, tracking run, cancellation")
        .containsExactly(OrderId.of(8), OrderId.of(8), OrderId.of(8));
  }

  @Test
  void cancellingTwiceIsHarmless() {
    Shipment labelled = fixture.labelledShipment(7, CarrierCode.FEDEX, 1);
    cancel.cancelShipment(labelled.id());

    Shipment again = cancel.cancelShipment(labelled.id());

    assertThat(again.status()).isEqualTo(ShipmentStatus.CANCELLED);
    assertThat(fixture.fedex.cancelled()).hasSize(1);
    assertThat(fixture.outbox.ofType("cancelled")).hasSize(1);
  }

  @Test
  void aShipmentOnItsWayCannotBeCancelled() {
    Shipment labelled = fixture.labelledShipment(8, CarrierCode.FEDEX, 1);
    Shipment moving = fixture.shipments.update(labelled.parcelMoved(labelled.parcels().get(0).id(),
        ShipmentStatus.IN_TRANSIT, fixture.clock.instant()));

    ThrowingCallable invocation = () -> cancel.cancelShipment(moving.id());

    assertThatExceptionOfType(ShipmentNotCancellableException.class).isThrownBy(invocation)
        .withMessage("a shipment that is in_transit can no longer be cancelled");
    assertThat(fixture.fedex.cancelled()).isEmpty();
    assertThat(fixture.outbox.ofType("cancelled")).isEmpty();
  }

  @Test
  void givenLabelsBoughtWhileTheShipmentWasCancelled_thenTheWorkerVoidsThemAndStops() {
    Shipment created = fixture.createService().createShipment(CreateShipmentCommand.of(OrderId.of(9),
        ShippingAddress.parse(ShipmentTestData.US_ADDRESS)));
    fixture.fedex.duringNextPurchase(() -> cancel.cancelShipment(created.id()));

    fixture.labelWorker("w").processDueLabelTasks();

    assertThat(fixture.shipments.get(created.id()).status()).isEqualTo(ShipmentStatus.CANCELLED);
    assertThat(fixture.fedex.cancelled()).containsExactlyElementsOf(fixture.fedex.issuedNumbers());
    assertThat(fixture.tasks.all()).extracting(StoredTask::state).containsOnly(StoredTask.State.DONE);
    assertThat(fixture.outbox.ofType("label_created")).isEmpty();
  }
}
