package com.ostore.shipping.adapter.out.persistence;

import static com.ostore.shipping.domain.testing.ShipmentTestData.T0;
import static com.ostore.shipping.domain.testing.ShipmentTestData.aShipment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.Label;
import com.ostore.shipping.domain.model.LabelFormat;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Parcel;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.Recipient;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.model.Weight;
import com.ostore.shipping.domain.port.out.IdempotencyClaim;
import com.ostore.shipping.domain.port.out.IdempotentOutcome;
import com.ostore.shipping.domain.port.out.LabelReference;
import com.ostore.shipping.domain.port.out.PurchaseKey;
import com.ostore.shipping.domain.port.out.ShipmentRepository;
import com.ostore.shipping.domain.port.out.StaleShipmentException;
import com.ostore.shipping.domain.testing.ShipmentTestData;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ShipmentRepositoryIT extends DatabaseTestSupport {
  private final ShipmentRepository shipments = module.shipmentRepository();

  /** Caller a's claim on {@code key}, made at {@code at}; claims a day older count as expired. */
  private static IdempotencyClaim claim(String key, java.time.Instant at, String answer) {
    return new IdempotencyClaim("caller-a", key, "f".repeat(64), at, at.minus(Duration.ofDays(1)), answer);
  }

  @Test
  void aNewShipmentReadsBackEqualToWhatWasSaved() {
    Shipment shipment = aShipment().withId(1001).withParcels(2).build();

    shipments.add(shipment);

    assertThat(shipments.findById(ShipmentId.of(1001))).contains(shipment);
    assertThat(shipments.findById(ShipmentId.of(999))).isEmpty();
  }

  @Test
  void aRecipientIsStoredAndReadBackThroughEveryChange() {
    Recipient full = new Recipient("Ada Lovelace", "Analytical Engines", "+12125550100", "ada@example.com");
    Shipment withAll = aShipment().withId(1004).withRecipient(full).build();
    Shipment firmOnly =
        aShipment().withId(1005).withRecipient(new Recipient(null, "Analytical Engines", null, null)).build();

    shipments.add(withAll);
    shipments.add(firmOnly);
    Shipment failed = shipments.update(withAll.failed("address not served", T0.plusSeconds(5)));

    assertThat(shipments.findById(withAll.id())).contains(failed);
    assertThat(failed.recipient()).isEqualTo(full);
    assertThat(shipments.findById(firmOnly.id())).contains(firmOnly);
  }

  @Test
  void givenLabelsWereBought_whenTheShipmentIsUpdated_thenTheShipmentAndItsPackagesReadBackWithTheNextVersion() {
    Shipment stored = aShipment().withId(1002).withParcels(2).withAddress("1 Rue de Rivoli, Paris, France").build();
    shipments.add(stored);
    Map<ParcelId, TrackingNumber> numbers = stored.parcels().stream()
        .collect(Collectors.toMap(Parcel::id, p -> TrackingNumber.of("7946447901" + p.id().value())));

    Shipment saved = shipments.update(stored.labelsBought("FEDEX_GROUND", numbers, T0.plus(Duration.ofMinutes(5))));

    assertThat(saved.version()).isEqualTo(1);
    assertThat(shipments.findById(stored.id())).contains(saved);
    assertThat(saved.status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
    assertThat(saved.parcels()).allSatisfy(p -> assertThat(p.trackingNumberIfAssigned()).isPresent());
  }

  @Test
  void severalOrdersShipmentsAreReadInOneGoEachOrderWithItsOwnOldestFirst() {
    Shipment first = aShipment().withId(1101).withOrderId(77).withParcels(2).build();
    Shipment second = aShipment().withId(1102).withOrderId(77).build();
    Shipment other = aShipment().withId(1103).withOrderId(78).build();
    List.of(first, second, other).forEach(shipments::add);

    Map<OrderId, List<Shipment>> found = shipments.findByOrderIds(List.of(OrderId.of(78), OrderId.of(77),
        OrderId.of(79)));

    assertThat(found).containsOnlyKeys(OrderId.of(77), OrderId.of(78), OrderId.of(79));
    assertThat(found.get(OrderId.of(77))).containsExactly(first, second);
    assertThat(found.get(OrderId.of(78))).containsExactly(other);
    assertThat(found.get(OrderId.of(79))).isEmpty();
  }

  @Test
  void givenOneOfSeveralShipmentsWasChangedByAnotherWriter_whenAllAreSavedTogether_thenNoneIsSaved() {
    Shipment fresh = aShipment().withId(1104).withParcels(2).build();
    Shipment stale = aShipment().withId(1105).build();
    shipments.add(fresh);
    shipments.add(stale);
    shipments.update(stale.cancelled(T0.plusSeconds(60)));

    assertThatThrownBy(() -> module.transactions().run(() -> shipments.updateAll(List.of(
        fresh.failed("address rejected", T0.plusSeconds(90)), stale.failed("address rejected", T0.plusSeconds(90))))))
        .isInstanceOf(StaleShipmentException.class);

    assertThat(shipments.findById(fresh.id())).as("rolled back with the stale one").contains(fresh);
    Shipment another = aShipment().withId(1106).build();
    shipments.add(another);
    List<Shipment> saved = shipments.updateAll(List.of(fresh.failed("address rejected", T0.plusSeconds(95)),
        another.cancelled(T0.plusSeconds(95))));
    assertThat(saved).extracting(Shipment::version).containsExactly(1L, 1L);
    assertThat(shipments.findById(fresh.id())).contains(saved.get(0));
    assertThat(shipments.findById(another.id())).contains(saved.get(1));
  }

  @Test
  void givenAnotherWriterSavedFirst_whenTheOldCopyIsSaved_thenItIsRefusedAsStale() {
    Shipment stored = aShipment().withId(1003).build();
    shipments.add(stored);
    shipments.update(stored.cancelled(T0.plusSeconds(60)));

    assertThatThrownBy(() -> shipments.update(stored.failed("address rejected", T0.plusSeconds(90))))
        .isInstanceOf(StaleShipmentException.class);
    assertThat(shipments.findById(stored.id())).hasValueSatisfying(s -> {
      assertThat(s.status()).isEqualTo(ShipmentStatus.CANCELLED);
      assertThat(s.version()).isEqualTo(1);
    });
  }

  @Test
  void anOrdersShipmentsComeOldestFirst() {
    Shipment later = aShipment().withId(1010).withOrderId(555).at(T0.plusSeconds(30)).build();
    Shipment earlier = aShipment().withId(1011).withOrderId(555).at(T0).build();
    shipments.add(later);
    shipments.add(earlier);
    shipments.add(aShipment().withId(1012).withOrderId(556).build());

    assertThat(shipments.findByOrderId(OrderId.of(555))).containsExactly(earlier, later);
  }

  @Test
  void aPageOfAnOrdersShipmentsHoldsWholeShipmentsAfterTheGivenId() {
    Shipment first = aShipment().withId(1030).withOrderId(557).withParcels(3).build();
    Shipment second = aShipment().withId(1031).withOrderId(557).withParcels(2).build();
    Shipment third = aShipment().withId(1032).withOrderId(557).build();
    shipments.add(first);
    shipments.add(second);
    shipments.add(third);

    assertThat(shipments.findByOrderId(OrderId.of(557), Optional.empty(), 2)).containsExactly(first, second);
    assertThat(shipments.findByOrderId(OrderId.of(557), Optional.of(second.id()), 2)).containsExactly(third);
    assertThat(shipments.findByOrderId(OrderId.of(557), Optional.of(third.id()), 2)).isEmpty();
  }

  @Test
  void aSavedLabelIsServedBackAndABoughtAgainLabelReplacesIt() {
    Shipment stored = aShipment().withId(1020).build();
    shipments.add(stored);
    ParcelId parcel = stored.parcels().get(0).id();
    Label first = new Label(LabelFormat.PDF, "%PDF-1.7 first".getBytes(StandardCharsets.US_ASCII));
    Label second = new Label(LabelFormat.ZPL, "^XA^FDsecond^FS^XZ".getBytes(StandardCharsets.US_ASCII));

    shipments.saveLabel(parcel, first);
    assertThat(shipments.findLabel(parcel)).contains(first);
    shipments.saveLabel(parcel, second);

    assertThat(shipments.findLabel(parcel)).contains(second);
    assertThat(shipments.findLabel(ParcelId.of(424242))).isEmpty();
  }

  @Test
  void aNewShipmentStoredWithItsLabelTaskReadsBackAndItsTaskIsDue() throws SQLException {
    Shipment shipment = aShipment().withId(1050).withParcels(3)
        .withRecipient(new Recipient("Ada Lovelace", "Analytical Engines", "+1 555 010 0199", "ada@example.com")).build();

    shipments.addWithLabelTask(shipment, T0);

    assertThat(shipments.findById(shipment.id())).contains(shipment);
    assertThat(queryLong("SELECT count(*) FROM tasks WHERE kind = 'create_labels' AND subject_id = 1050"
        + " AND state = 'ready' AND run_at = '" + T0 + "'")).isEqualTo(1);
  }

  @Test
  void aShipmentStoredUnderAnIdempotencyKeyClaimsItWithTheAnswer_andASecondOneWithTheKeyWritesNothing()
      throws SQLException {
    Shipment first = aShipment().withId(1060).withParcels(2).build();
    Shipment second = aShipment().withId(1061).build();

    assertThat(shipments.addWithLabelTask(first, T0, claim("key-1", T0, "answer one"))).isTrue();
    assertThat(shipments.addWithLabelTask(second, T0, claim("key-1", T0.plusSeconds(1), "answer two"))).isFalse();

    assertThat(shipments.findById(first.id())).contains(first);
    assertThat(module.idempotencyKeys().find("caller-a", "key-1"))
        .contains(new IdempotentOutcome("f".repeat(64), first.id(), "answer one"));
    assertThat(shipments.findById(second.id())).isEmpty();
    assertThat(queryLong("SELECT count(*) FROM tasks WHERE subject_id IN (1060, 1061)")).isEqualTo(1);
  }

  @Test
  void aClaimOlderThanTheRetentionIsTakenOverByTheNextShipmentWithItsKey() {
    Shipment first = aShipment().withId(1062).build();
    Shipment later = aShipment().withId(1063).build();
    shipments.addWithLabelTask(first, T0, claim("key-2", T0, "answer one"));

    IdempotencyClaim dayLater = new IdempotencyClaim("caller-a", "key-2", "f".repeat(64), T0.plus(Duration.ofDays(1)),
        T0.plusSeconds(1), "answer two");

    assertThat(shipments.addWithLabelTask(later, T0, dayLater)).isTrue();
    assertThat(module.idempotencyKeys().find("caller-a", "key-2")).map(IdempotentOutcome::shipmentId)
        .contains(later.id());
  }

  @Test
  void givenAPackageThatCannotBeStored_whenAShipmentIsStoredWithItsLabelTask_thenNeitherIsStored() throws SQLException {
    shipments.add(aShipment().withId(1040).build());
    ShipmentId id = ShipmentId.of(1041);
    Parcel taken = Parcel.pending(ParcelId.of(104001), id, Weight.pounds("1"), null, T0);
    Shipment clashing = Shipment.create(id, OrderId.of(1041), ShippingAddress.parse(ShipmentTestData.US_ADDRESS),
        CarrierCode.FEDEX, null, List.of(Parcel.pending(ParcelId.of(104101), id, Weight.pounds("1"), null, T0), taken),
        T0);

    assertThatThrownBy(() -> shipments.addWithLabelTask(clashing, T0)).isInstanceOf(RuntimeException.class);

    assertThat(shipments.findById(id)).isEmpty();
    assertThat(queryLong("SELECT count(*) FROM tasks WHERE subject_id = 1041")).isZero();
  }

  @Test
  void aLabelsMasterTrackingNumberIsStoredWithItAndNamedWhenTheShipmentIsVoided() {
    Shipment stored = aShipment().withId(1070).build();
    shipments.add(stored);
    ParcelId parcel = stored.parcels().get(0).id();
    TrackingNumber number = TrackingNumber.of("794600000042");
    TrackingNumber master = TrackingNumber.of("794600000041");
    Shipment labelled = shipments.update(stored.labelsBought("FEDEX_GROUND", Map.of(parcel, number), T0));

    shipments.saveLabel(parcel, new Label(LabelFormat.PDF, "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)), master);

    assertThat(shipments.labelReferences(labelled)).containsExactly(new LabelReference(number, master));
  }

  @Test
  void theFirstStoredPurchaseKeyOfAPackageIsTheOneEveryRetryGets() {
    Shipment stored = aShipment().withId(1071).build();
    shipments.add(stored);
    ParcelId parcel = stored.parcels().get(0).id();
    PurchaseKey first = PurchaseKey.fresh(LocalDate.parse("2026-01-05"));

    PurchaseKey started = shipments.startPurchase(parcel, first);
    PurchaseKey retried = shipments.startPurchase(parcel, PurchaseKey.fresh(LocalDate.parse("2026-01-05")));
    PurchaseKey replacement = PurchaseKey.fresh(LocalDate.parse("2026-01-06"));
    shipments.replacePurchaseKey(parcel, replacement);

    assertThat(started).isEqualTo(first);
    assertThat(retried).isEqualTo(first);
    assertThat(shipments.startPurchase(parcel, PurchaseKey.fresh(LocalDate.parse("2026-01-07")))).isEqualTo(replacement);
  }

  @Test
  void reservedIdsAreNeverHandedOutTwice() {
    ShipmentId first = shipments.nextShipmentId();
    ShipmentId second = shipments.nextShipmentId();
    ParcelId parcel = shipments.nextParcelId();

    assertThat(second.value()).isGreaterThan(first.value());
    assertThat(shipments.nextParcelId().value()).isGreaterThan(parcel.value());
  }

  @Test
  void twoInstancesReservingIdsAtOnceNeverHandOutTheSameOne() throws Exception {
    try (PersistenceModule other = PersistenceModule.start(config())) {
      ShipmentRepository otherShipments = other.shipmentRepository();
      CompletableFuture<List<Long>> there = CompletableFuture.supplyAsync(() -> IntStream.range(0, 120)
          .mapToObj(i -> otherShipments.nextShipmentId().value()).toList());
      List<Long> here = IntStream.range(0, 120).mapToObj(i -> shipments.nextShipmentId().value()).toList();

      assertThat(Stream.concat(here.stream(), there.get(30, TimeUnit.SECONDS).stream())).doesNotHaveDuplicates()
          .hasSize(240);
    }
  }
}
