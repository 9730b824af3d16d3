package com.ostore.shipping.adapter.out.persistence;

import static com.ostore.shipping.domain.testing.ShipmentTestData.T0;
import static com.ostore.shipping.domain.testing.ShipmentTestData.aShipment;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.domain.model.Parcel;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.Recipient;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.IdempotencyClaim;
import com.ostore.shipping.domain.port.out.ShipmentRepository;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The answer kept with each shipment ({@code PersistenceModule.start(config, renderer)}): written with every
 * create and update, served as stored, and never served once the shipment changed without it. The class's
 * other module ({@link DatabaseTestSupport#module}) keeps no renderings, as an instance started without a
 * renderer does.
 */
class ShipmentRenderingsIT extends DatabaseTestSupport {
  private static final SummaryRenderer RENDERER = new SummaryRenderer();
  private static PersistenceModule rendering;
  private static ShipmentRepository shipments;

  @BeforeAll
  static void aModuleThatKeepsRenderings() {
    rendering = PersistenceModule.start(config(), RENDERER);
    shipments = rendering.shipmentRepository();
  }

  @AfterAll
  static void closeIt() {
    rendering.close();
  }

  @Test
  void aNewShipmentIsAnsweredWithTheRenderingStoredInItsCreate() throws SQLException {
    Shipment plain = aShipment().withId(7001).withParcels(2).build();
    Shipment keyed = aShipment().withId(7002).withRecipient(new Recipient("Zoë", null, null, null)).build();

    shipments.addWithLabelTask(plain, T0);
    shipments.addWithLabelTask(keyed, T0, new IdempotencyClaim("caller-a", "k-7002", "f".repeat(64), T0,
        T0.minus(Duration.ofDays(1)), "answer"));

    for (Shipment shipment : List.of(plain, keyed)) {
      assertThat(stored(shipment)).isEqualTo(text(shipment));
      assertThat(shipments.findRendered(shipment.id(), RENDERER)).get().extracting(bytes -> new String(bytes, UTF_8))
          .isEqualTo(text(shipment));
    }
    // Served as stored, not rendered again from the rows: a rendering changed behind the adapter's back shows.
    executeSql("UPDATE shipments SET rendered = 'as stored ü' WHERE shipmentid = 7001");
    assertThat(shipments.findRendered(plain.id(), RENDERER)).get().isEqualTo("as stored ü".getBytes(UTF_8));
  }

  @Test
  void everyUpdate_rewritesTheRenderingInTheSameWrite_soItAlwaysMatchesTheRows() throws SQLException {
    Shipment one = aShipment().withId(7101).withParcels(2).build();
    Shipment two = aShipment().withId(7102).build();
    Shipment three = aShipment().withId(7103).build();
    shipments.add(one);
    shipments.add(two);
    shipments.add(three);

    Shipment labelled = shipments.update(one.labelsBought("FEDEX_GROUND", numbers(one), T0.plusSeconds(60)));
    List<Shipment> both = shipments.updateAll(List.of(
        two.failed("Address Not Found.", T0.plusSeconds(61)), three.cancelled(T0.plusSeconds(62))));

    for (Shipment changed : List.of(labelled, both.get(0), both.get(1))) {
      Shipment read = shipments.findById(changed.id()).orElseThrow();
      assertThat(read).isEqualTo(changed);
      assertThat(stored(changed)).isEqualTo(text(read));
      assertThat(shipments.findRendered(changed.id(), RENDERER)).get().isEqualTo(RENDERER.render(read));
      assertThat(queryLong("SELECT rendered_version - version FROM shipments WHERE shipmentid = "
          + changed.id().value())).isZero();
    }
  }

  @Test
  void aChangeMadeWithoutTheRendering_isReadFromTheRows_neverHiddenByTheOldRendering() throws SQLException {
    Shipment byOldInstance = aShipment().withId(7201).build();
    Shipment byPlainModule = aShipment().withId(7202).build();
    shipments.add(byOldInstance);
    shipments.add(byPlainModule);

    // An instance of a version before renderings raises the version and leaves the column as it was.
    executeSql("UPDATE shipments SET shipmentstatus = 'cancelled', version = version + 1 WHERE shipmentid = 7201");
    // An instance started without a renderer clears it.
    module.shipmentRepository().update(byPlainModule.cancelled(T0.plusSeconds(5)));

    for (Shipment shipment : List.of(byOldInstance, byPlainModule)) {
      Shipment current = shipments.findById(shipment.id()).orElseThrow();
      assertThat(current.status().wireName()).isEqualTo("cancelled");
      assertThat(shipments.findRendered(shipment.id(), RENDERER)).get().isEqualTo(RENDERER.render(current));
    }
    assertThat(stored(byPlainModule)).isNull();
  }

  @Test
  void aReaderOfAnotherFormat_getsItsOwnRendering_andNoShipmentGetsNone() {
    Shipment shipment = aShipment().withId(7301).build();
    shipments.add(shipment);
    SummaryRenderer other = new SummaryRenderer("summary-2");

    assertThat(shipments.findRendered(shipment.id(), other)).get().isEqualTo(other.render(shipment));
    assertThat(module.shipmentRepository().findRendered(shipment.id(), RENDERER)).get()
        .as("a module that keeps none renders every read").isEqualTo(RENDERER.render(shipment));
    assertThat(shipments.findRendered(ShipmentId.of(7399), RENDERER)).isEmpty();
  }

  private static Map<ParcelId, TrackingNumber> numbers(Shipment shipment) {
    return shipment.parcels().stream()
        .collect(Collectors.toMap(Parcel::id, p -> TrackingNumber.of("7946" + p.id().value())));
  }

  private static String stored(Shipment shipment) throws SQLException {
    return queryText("SELECT rendered FROM shipments WHERE shipmentid = " + shipment.id().value());
  }

  private static String text(Shipment shipment) {
    return new String(RENDERER.render(shipment), UTF_8);
  }

}
