package com.ostore.shipping.bootstrap.interleaving;

import static com.ostore.shipping.bootstrap.interleaving.FedexTrackStub.scanEvent;
import static com.ostore.shipping.domain.testing.ShipmentTestData.T0;
import static com.ostore.shipping.domain.testing.ShipmentTestData.US_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.adapter.out.carrier.fedex.FedexCarrierGateway;
import com.ostore.shipping.adapter.out.carrier.fedex.FedexConfig;
import com.ostore.shipping.adapter.out.carrier.fedex.FedexShipper;
import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.port.in.PageRequest;
import com.ostore.shipping.application.testing.FakeCarrierGateway;
import com.ostore.shipping.application.testing.RecordingEventPublisher;
import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Parcel;
import com.ostore.shipping.domain.model.PostalAddress;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.model.TrackingEvent;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierGateway;
import com.ostore.shipping.domain.port.out.LabelPurchase;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.TrackingReport;
import com.ostore.shipping.domain.support.Secret;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.sandbox.postgres.EmbeddedDatabase;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A FedEx scan printed without a UTC offset borrows the offset of a neighbouring scan, and the
 * neighbours change from one tracking run to the next. Read through the real FedEx adapter and stored
 * in the real database, the same scan seen on two runs must still be one scan and one event.
 */
class FedexScanSeenTwiceIT {
  private static final Duration NEXT_TRACKING_DAY = Duration.ofDays(1).plusHours(3);
  private static final String PICKUP_WITHOUT_OFFSET = scanEvent("2026-01-05T18:12:00", "PU", "Picked up", "Memphis");

  private final MutableClock clock = new MutableClock(T0);
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  @AfterEach
  void closeEverything() throws Exception {
    while (!opened.isEmpty()) {
      opened.pop().close();
    }
  }

  @Test
  void givenAScanWithoutOffset_whenANewerScanGivesItADifferentNeighbourOnTheNextRun_thenItIsStillStoredAndSentOnce() {
    FedexTrackStub fedexApi = open(new FedexTrackStub());
    RecordingEventPublisher broker = new RecordingEventPublisher();
    CoreOnDatabase service = open(CoreOnDatabase.on(EmbeddedDatabase.freshDatabase(), clock)
        .carriers(new FedexTracking(FakeCarrierGateway.fedex(), open(fedexTrack(fedexApi)))).publisher(broker)
        .start());
    Shipment shipment = service.core().createShipment().createShipment(
        CreateShipmentCommand.of(OrderId.of(901), ShippingAddress.parse(US_ADDRESS)));
    service.core().labelWork().processDueLabelTasks();
    Parcel parcel = service.core().getShipment().getShipment(shipment.id()).parcels().get(0);
    TrackingNumber number = parcel.trackingNumber();

    fedexApi.answer(number.value(), PICKUP_WITHOUT_OFFSET);
    clock.advance(NEXT_TRACKING_DAY);
    service.core().tracking().trackDueOrders();
    fedexApi.answer(number.value(), scanEvent("2026-01-06T07:40:00-05:00", "AR", "Arrived at FedEx location",
        "Nashville"), PICKUP_WITHOUT_OFFSET);
    clock.advance(NEXT_TRACKING_DAY);
    service.core().tracking().trackDueOrders();
    while (service.core().relay().relayPendingEvents() > 0) {
      // the next batch
    }

    assertThat(service.core().trackingHistory().trackingHistory(parcel.id(), PageRequest.first()).items())
        .extracting(TrackingEvent::rawCode)
        .containsExactlyInAnyOrder("OSTORE_LABEL", "PU", "AR");
    assertThat(broker.published()).filteredOn(event -> event.orderId().value() == 901)
        .extracting(ShipmentEvent::eventType).containsExactly("label_created", "picked_up", "in_transit");
  }

  private FedexCarrierGateway fedexTrack(FedexTrackStub stub) {
    FedexShipper shipper = new FedexShipper("Shipping Desk", "OStore", "9015550100",
        new PostalAddress(List.of("3610 Hacks Cross Rd"), "Memphis", "TN", "38125", "US"));
    return new FedexCarrierGateway(FedexConfig.defaults(stub.baseUrl(), "it-client", Secret.of("it-secret"),
        Secret.of("740561073"), shipper).withClock(clock));
  }

  private <T extends AutoCloseable> T open(T resource) {
    opened.push(resource);
    return resource;
  }

  /** FedEx as the service sees it: labels from the fake (no Ship API stub needed), tracking through the real adapter. */
  private record FedexTracking(FakeCarrierGateway labels, FedexCarrierGateway tracking) implements CarrierGateway {
    @Override
    public CarrierCode carrier() {
      return CarrierCode.FEDEX;
    }

    @Override
    public Set<String> serviceTypes() {
      return tracking.serviceTypes();
    }

    @Override
    public LabelPurchase purchaseLabels(LabelRequest request) {
      return labels.purchaseLabels(request);
    }

    @Override
    public void cancel(TrackingNumber trackingNumber) {
      labels.cancel(trackingNumber);
    }

    @Override
    public List<TrackingReport> track(List<TrackingNumber> trackingNumbers) {
      return tracking.track(trackingNumbers);
    }

    @Override
    public int maxTrackingBatchSize() {
      return tracking.maxTrackingBatchSize();
    }
  }
}
