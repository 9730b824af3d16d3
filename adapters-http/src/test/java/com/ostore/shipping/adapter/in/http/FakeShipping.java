package com.ostore.shipping.adapter.in.http;

import com.ostore.shipping.application.port.in.CheckHealthUseCase;
import com.ostore.shipping.application.port.in.CancelShipmentUseCase;
import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.port.in.CreateShipmentUseCase;
import com.ostore.shipping.application.port.in.CreatedShipment;
import com.ostore.shipping.application.port.in.GetLabelUseCase;
import com.ostore.shipping.application.port.in.GetShipmentUseCase;
import com.ostore.shipping.application.port.in.GetTrackingHistoryUseCase;
import com.ostore.shipping.application.port.in.IdempotencyKeyReusedException;
import com.ostore.shipping.application.port.in.IdempotentCreateShipmentUseCase;
import com.ostore.shipping.application.port.in.IdempotentRequest;
import com.ostore.shipping.application.port.in.ListOrderShipmentsUseCase;
import com.ostore.shipping.application.port.in.Page;
import com.ostore.shipping.application.port.in.PageRequest;
import com.ostore.shipping.application.port.in.ParcelRequest;
import com.ostore.shipping.application.port.in.ShipmentNotCancellableException;
import com.ostore.shipping.application.port.in.ShipmentNotFoundException;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.Label;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Parcel;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.port.out.ShipmentRenderer;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.TrackingEvent;
import com.ostore.shipping.domain.model.Weight;
import com.ostore.shipping.domain.testing.ShipmentTestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** In-memory use cases that record what the API asked of them; every read looks at what was stored. */
final class FakeShipping implements CreateShipmentUseCase, CancelShipmentUseCase, GetShipmentUseCase, ListOrderShipmentsUseCase,
    GetTrackingHistoryUseCase, GetLabelUseCase, CheckHealthUseCase, IdempotentCreateShipmentUseCase {

  final List<CreateShipmentCommand> created = new CopyOnWriteArrayList<>();
  final List<IdempotentRequest> keyedRequests = new CopyOnWriteArrayList<>();
  private final Map<String, Keyed> keys = new ConcurrentHashMap<>();
  private final Map<ShipmentId, Shipment> shipments = new ConcurrentHashMap<>();
  private final Map<ParcelId, List<TrackingEvent>> events = new ConcurrentHashMap<>();
  private final Map<ParcelId, Label> labels = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1001);
  private volatile RuntimeException failure;
  volatile PageRequest lastPage;
  private volatile Health health = new Health(true, Map.of("database", "up"));

  HttpUseCases useCases() {
    return new HttpUseCases(this, this, this, this, this, this, this, this);
  }

  private record Keyed(String fingerprint, ShipmentId id, String response) {}

  void failWith(RuntimeException e) {
    failure = e;
  }

  Shipment store(Shipment shipment) {
    shipments.put(shipment.id(), shipment);
    return shipment;
  }

  void storeEvents(ParcelId parcelId, List<TrackingEvent> history) {
    events.put(parcelId, List.copyOf(history));
  }

  void storeLabel(ParcelId parcelId, Label label) {
    labels.put(parcelId, label);
  }

  void reportHealth(Health next) {
    health = next;
  }

  @Override
  public Shipment createShipment(CreateShipmentCommand command) {
    throwIfFailing();
    created.add(command);
    ShipmentId id = ShipmentId.of(nextId.getAndIncrement());
    List<ParcelRequest> requests =
        command.parcels().isEmpty() ? List.of(new ParcelRequest(Weight.pounds("1"), null)) : command.parcels();
    List<Parcel> parcels = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      parcels.add(Parcel.pending(ParcelId.of(id.value() * 100 + i + 1), id, requests.get(i).weight(),
          requests.get(i).dimensions(), ShipmentTestData.T0));
    }
    return store(Shipment.create(id, command.orderId(), command.address(), command.recipient(),
        command.carrierIfChosen().orElse(CarrierCode.FEDEX), command.serviceType(), parcels, ShipmentTestData.T0));
  }

  /** The application's rule in miniature: one shipment per caller and key, the first answer replayed. */
  @Override
  public synchronized CreatedShipment createShipment(
      CreateShipmentCommand command, IdempotentRequest request, Function<Shipment, String> response) {
    keyedRequests.add(request);
    Keyed earlier = keys.get(request.callerId() + "\n" + request.key());
    if (earlier != null) {
      if (!earlier.fingerprint().equals(request.fingerprint())) {
        throw new IdempotencyKeyReusedException(
            "this Idempotency-Key was already used for a different request; use a new key for a new shipment");
      }
      return new CreatedShipment(earlier.id(), earlier.response(), true);
    }
    Shipment shipment = createShipment(command);
    String answer = response.apply(shipment);
    keys.put(request.callerId() + "\n" + request.key(), new Keyed(request.fingerprint(), shipment.id(), answer));
    return new CreatedShipment(shipment.id(), answer, false);
  }

  @Override
  public Shipment cancelShipment(ShipmentId id) {
    throwIfFailing();
    Shipment shipment = getShipment(id);
    if (!shipment.status().canBecome(ShipmentStatus.CANCELLED)) {
      throw new ShipmentNotCancellableException(
          "a shipment that is " + shipment.status().wireName() + " can no longer be cancelled");
    }
    return store(shipment.cancelled(ShipmentTestData.T0));
  }

  @Override
  public Shipment getShipment(ShipmentId id) {
    throwIfFailing();
    Shipment shipment = shipments.get(id);
    if (shipment == null) {
      throw new ShipmentNotFoundException("shipment " + id + " does not exist");
    }
    return shipment;
  }

  @Override
  public byte[] getShipment(ShipmentId id, ShipmentRenderer renderer) {
    return renderer.render(getShipment(id));
  }

  /** Pages as the real service does, with a readable cursor: the index the next page starts at. */
  @Override
  public Page<Shipment> shipmentsOfOrder(OrderId orderId, PageRequest page) {
    throwIfFailing();
    lastPage = page;
    return page(shipments.values().stream().filter(s -> s.orderId().equals(orderId))
        .sorted((a, b) -> Long.compare(a.id().value(), b.id().value())).toList(), page);
  }

  @Override
  public Page<TrackingEvent> trackingHistory(ParcelId parcelId, PageRequest page) {
    throwIfFailing();
    lastPage = page;
    boolean exists = shipments.values().stream().anyMatch(s -> s.parcel(parcelId).isPresent());
    if (!exists) {
      throw new ShipmentNotFoundException("package " + parcelId + " does not exist");
    }
    return page(events.getOrDefault(parcelId, List.of()), page);
  }

  private static <T> Page<T> page(List<T> all, PageRequest page) {
    int from = page.cursor().map(c -> Integer.parseInt(c.substring("at-".length()))).orElse(0);
    int to = Math.min(all.size(), from + page.limit());
    return new Page<>(all.subList(Math.min(from, to), to), to < all.size() ? Optional.of("at-" + to) : Optional.empty());
  }

  @Override
  public Label label(ParcelId parcelId) {
    throwIfFailing();
    Label label = labels.get(parcelId);
    if (label == null) {
      throw new ShipmentNotFoundException("no label for package " + parcelId);
    }
    return label;
  }

  @Override
  public Health health() {
    return health;
  }

  private void throwIfFailing() {
    if (failure != null) {
      throw failure;
    }
  }
}
