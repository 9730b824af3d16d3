package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.Label;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.TrackingNumber;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stores shipments with their packages and labels. */
public interface ShipmentRepository {

  /**
   * Reserves an id for a shipment about to be created. Ids are never handed out twice, but need not be
   * consecutive nor follow the order of creation across service instances.
   */
  ShipmentId nextShipmentId();

  /** Reserves an id for a package about to be created; as unique and as unordered as shipment ids. */
  ParcelId nextParcelId();

  /** Stores a new shipment and its packages. */
  void add(Shipment shipment);

  /**
   * Stores a new shipment and its packages together with the task that buys their labels, due at
   * {@code labelsDueAt}, as one atomic write (it needs no transaction around it, and joins one that is
   * open): a shipment is never stored without its label work, nor the work without its shipment.
   */
  void addWithLabelTask(Shipment shipment, Instant labelsDueAt);

  /**
   * {@link #addWithLabelTask} under an idempotency key: in the same atomic write, takes the caller's key
   * for this request and stores the claim's response as its outcome. Returns false, with nothing
   * written, when the key is held by a claim made at or after {@code claim.expiredBefore()} (an older
   * claim is taken over). A claim of a transaction still running makes this wait until that one ends, so
   * two requests with one key never both create a shipment.
   */
  boolean addWithLabelTask(Shipment shipment, Instant labelsDueAt, IdempotencyClaim claim);

  /**
   * Stores the new state of a shipment and its packages if nobody changed it since it was read
   * (its {@code version}); returns it with its new version.
   *
   * @throws StaleShipmentException when another writer got there first
   */
  Shipment update(Shipment shipment);

  Optional<Shipment> findById(ShipmentId id);

  /**
   * The shipment as {@code renderer} writes it, or empty when there is no such shipment. Adapters that keep
   * a rendering with each shipment answer from it when it was written in the renderer's format for the
   * shipment's current state; otherwise, as here, the shipment is read and rendered.
   */
  default Optional<byte[]> findRendered(ShipmentId id, ShipmentRenderer renderer) {
    return findById(id).map(renderer::render);
  }

  /**
   * Brings the stored answers of up to {@code limit} more shipments up to date (see {@link #findRendered}):
   * shipments written before answers were stored, by a writer that keeps none, or in another format.
   * Adapters walk their shipments once per format, in steps shared by every instance; returns how many
   * shipments this step went past, 0 once the walk is over or while another instance takes its step.
   * Adapters that keep no answers, as here, do nothing.
   */
  default int refreshStoredAnswers(int limit) {
    return 0;
  }

  /** The shipment a package belongs to. */
  Optional<Shipment> findByParcelId(ParcelId parcelId);

  /** The order's shipments, oldest first. */
  List<Shipment> findByOrderId(OrderId orderId);

  /**
   * Several orders' shipments at once (each oldest first), every order given present as a key, in the
   * order given; adapters that can read them in one statement should.
   */
  default Map<OrderId, List<Shipment>> findByOrderIds(Collection<OrderId> orderIds) {
    Map<OrderId, List<Shipment>> found = new LinkedHashMap<>();
    orderIds.forEach(order -> found.put(order, findByOrderId(order)));
    return found;
  }

  /**
   * Stores the new state of several shipments, each as {@link #update} would, all or none; returns them
   * with their new versions, in the order given.
   *
   * @throws StaleShipmentException when another writer changed any of them first
   */
  default List<Shipment> updateAll(List<Shipment> changed) {
    return changed.stream().map(this::update).toList();
  }

  /** One page of the order's shipments in id order: at most {@code limit}, each with an id above {@code after}. */
  List<Shipment> findByOrderId(OrderId orderId, Optional<ShipmentId> after, int limit);

  /** Keeps a bought label so it can be served later. */
  default void saveLabel(ParcelId parcelId, Label label) {
    saveLabel(parcelId, label, null);
  }

  /**
   * Keeps a bought label with the master tracking number of the shipment it was sold in (FedEx sells a
   * multi-package shipment under one master and voids it once under that number); null when the
   * carrier names none.
   */
  void saveLabel(ParcelId parcelId, Label label, TrackingNumber masterTrackingNumber);

  Optional<Label> findLabel(ParcelId parcelId);

  /**
   * How the carrier knows each labelled package of this shipment, to void them: its tracking number and
   * the master stored with its label (none for labels stored before masters were).
   */
  List<LabelReference> labelReferences(Shipment shipment);

  /**
   * The package's purchase key: {@code candidate} when none was stored yet (it is stored now, before
   * the first attempt), otherwise the one stored first, so every retry sends the same key and body.
   */
  PurchaseKey startPurchase(ParcelId parcelId, PurchaseKey candidate);

  /** Replaces the package's stored purchase key, with the one its live label was bought under. */
  void replacePurchaseKey(ParcelId parcelId, PurchaseKey key);
}
