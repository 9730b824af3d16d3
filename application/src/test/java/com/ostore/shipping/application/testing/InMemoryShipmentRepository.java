package com.ostore.shipping.application.testing;

import com.ostore.shipping.domain.model.Label;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.IdempotencyClaim;
import com.ostore.shipping.domain.port.out.LabelReference;
import com.ostore.shipping.domain.port.out.PurchaseKey;
import com.ostore.shipping.domain.port.out.ShipmentRepository;
import com.ostore.shipping.domain.port.out.StaleShipmentException;
import com.ostore.shipping.domain.port.out.TaskKind;
import com.ostore.shipping.domain.port.out.TaskQueue;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shipments and labels kept in maps, with the optimistic version check a database adapter makes; a new
 * shipment's label task goes to the task queue it is given.
 */
public final class InMemoryShipmentRepository implements ShipmentRepository {
  private final TaskQueue tasks;
  private final InMemoryIdempotencyKeys keys;
  private final AtomicLong shipmentIds = new AtomicLong(1000);
  private final AtomicLong parcelIds = new AtomicLong(5000);
  private final Map<ShipmentId, Shipment> shipments = new LinkedHashMap<>();
  private final Map<ParcelId, Label> labels = new LinkedHashMap<>();
  private final Map<ParcelId, TrackingNumber> masters = new LinkedHashMap<>();
  private final Map<ParcelId, PurchaseKey> purchaseKeys = new LinkedHashMap<>();

  public InMemoryShipmentRepository(TaskQueue tasks) {
    this(tasks, new InMemoryIdempotencyKeys());
  }

  /** Claims of idempotency keys made with a create go to {@code keys}. */
  public InMemoryShipmentRepository(TaskQueue tasks, InMemoryIdempotencyKeys keys) {
    this.tasks = tasks;
    this.keys = keys;
  }

  @Override
  public ShipmentId nextShipmentId() {
    return ShipmentId.of(shipmentIds.incrementAndGet());
  }

  @Override
  public ParcelId nextParcelId() {
    return ParcelId.of(parcelIds.incrementAndGet());
  }

  @Override
  public synchronized void add(Shipment shipment) {
    if (shipments.putIfAbsent(shipment.id(), shipment) != null) {
      throw new IllegalStateException("shipment " + shipment.id() + " already exists");
    }
  }

  @Override
  public synchronized void addWithLabelTask(Shipment shipment, Instant labelsDueAt) {
    add(shipment);
    tasks.enqueue(TaskKind.CREATE_LABELS, shipment.id().value(), labelsDueAt, labelsDueAt);
  }

  @Override
  public synchronized boolean addWithLabelTask(Shipment shipment, Instant labelsDueAt, IdempotencyClaim claim) {
    if (!keys.claim(claim, shipment.id())) {
      return false;
    }
    addWithLabelTask(shipment, labelsDueAt);
    return true;
  }

  @Override
  public synchronized Shipment update(Shipment shipment) {
    Shipment stored = shipments.get(shipment.id());
    if (stored == null || stored.version() != shipment.version()) {
      throw new StaleShipmentException(shipment.id(), shipment.version());
    }
    Shipment saved = shipment.withVersion(shipment.version() + 1);
    shipments.put(saved.id(), saved);
    return saved;
  }

  @Override
  public synchronized Optional<Shipment> findById(ShipmentId id) {
    return Optional.ofNullable(shipments.get(id));
  }

  @Override
  public synchronized Optional<Shipment> findByParcelId(ParcelId parcelId) {
    return shipments.values().stream().filter(s -> s.parcel(parcelId).isPresent()).findFirst();
  }

  @Override
  public synchronized List<Shipment> findByOrderId(OrderId orderId) {
    return shipments.values().stream()
        .filter(s -> s.orderId().equals(orderId))
        .sorted(Comparator.comparing(Shipment::createdAt).thenComparing(s -> s.id().value()))
        .toList();
  }

  @Override
  public synchronized List<Shipment> findByOrderId(OrderId orderId, Optional<ShipmentId> after, int limit) {
    long from = after.map(ShipmentId::value).orElse(0L);
    return shipments.values().stream()
        .filter(s -> s.orderId().equals(orderId) && s.id().value() > from)
        .sorted(Comparator.comparing(s -> s.id().value()))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized void saveLabel(ParcelId parcelId, Label label, TrackingNumber masterTrackingNumber) {
    labels.put(parcelId, label);
    if (masterTrackingNumber != null) {
      masters.put(parcelId, masterTrackingNumber);
    }
  }

  @Override
  public synchronized List<LabelReference> labelReferences(Shipment shipment) {
    return shipment.parcels().stream().filter(p -> p.trackingNumber() != null)
        .map(p -> new LabelReference(p.trackingNumber(), masters.get(p.id()))).toList();
  }

  @Override
  public synchronized PurchaseKey startPurchase(ParcelId parcelId, PurchaseKey candidate) {
    return purchaseKeys.computeIfAbsent(parcelId, id -> candidate);
  }

  @Override
  public synchronized void replacePurchaseKey(ParcelId parcelId, PurchaseKey key) {
    purchaseKeys.put(parcelId, key);
  }

  /** The purchase key stored for a package, if any. */
  public synchronized Optional<PurchaseKey> purchaseKey(ParcelId parcelId) {
    return Optional.ofNullable(purchaseKeys.get(parcelId));
  }

  @Override
  public synchronized Optional<Label> findLabel(ParcelId parcelId) {
    return Optional.ofNullable(labels.get(parcelId));
  }

  /** Every stored shipment, in the order they were added. */
  public synchronized List<Shipment> all() {
    return List.copyOf(shipments.values());
  }

  /** The stored version of a shipment; fails the test when there is none. */
  public Shipment get(ShipmentId id) {
    return findById(id).orElseThrow(() -> new AssertionError("no shipment " + id));
  }

  /** How many labels are stored (one per labelled package). */
  public synchronized int labelCount() {
    return labels.size();
  }
}
