package com.ostore.shipping.application.service;

import static com.ostore.shipping.domain.testing.ShipmentTestData.aShipment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.ostore.shipping.application.port.in.Page;
import com.ostore.shipping.application.port.in.PageRequest;
import com.ostore.shipping.application.testing.ShippingFixture;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.TrackingEvent;
import com.ostore.shipping.domain.model.TrackingEventType;
import com.ostore.shipping.domain.model.ValidationException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.ostore.shipping.application.port.in.ShipmentNotFoundException;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.port.out.ShipmentRenderer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShipmentQueryServiceTest {
  private final ShippingFixture fixture = new ShippingFixture();
  private final ShipmentQueryService queries = new ShipmentQueryService(fixture.shipments, fixture.events);

  @Test
  void aShipmentIsAnsweredAsTheGivenRendererWritesIt_andAMissingOneIsNotFound() {
    Shipment shipment = aShipment().withId(3).withParcels(2).build();
    fixture.shipments.add(shipment);
    ShipmentRenderer renderer = new ShipmentRenderer() {
      @Override
      public String format() {
        return "ids";
      }

      @Override
      public byte[] render(Shipment s) {
        return (s.id() + " " + s.parcels().size()).getBytes(StandardCharsets.UTF_8);
      }
    };

    assertThat(queries.getShipment(shipment.id(), renderer)).asString(StandardCharsets.UTF_8)
        .isEqualTo(shipment.id() + " 2");
    assertThatExceptionOfType(ShipmentNotFoundException.class)
        .isThrownBy(() -> queries.getShipment(ShipmentId.of(4), renderer));
  }

  @Test
  void anOrdersShipmentsArePagedInOrderAndTheLastPageHasNoCursor() {
    for (long id = 1; id <= 5; id++) {
      fixture.shipments.add(aShipment().withId(id).withOrderId(7).build());
    }
    fixture.shipments.add(aShipment().withId(6).withOrderId(8).build());

    List<Long> seen = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    int pages = 0;
    do {
      Page<Shipment> page = queries.shipmentsOfOrder(OrderId.of(7), new PageRequest(2, cursor));
      page.items().forEach(s -> seen.add(s.id().value()));
      cursor = page.nextCursor();
      pages++;
    } while (cursor.isPresent());

    assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void aFullLastPageSaysThereIsNoNextOne() {
    fixture.shipments.add(aShipment().withId(1).withOrderId(7).build());
    fixture.shipments.add(aShipment().withId(2).withOrderId(7).build());

    assertThat(queries.shipmentsOfOrder(OrderId.of(7), new PageRequest(2, Optional.empty())).nextCursor()).isEmpty();
  }

  @Test
  void aCursorOfOneOrderIsRefusedForAnother() {
    fixture.shipments.add(aShipment().withId(1).withOrderId(7).build());
    fixture.shipments.add(aShipment().withId(2).withOrderId(7).build());
    String cursor = queries.shipmentsOfOrder(OrderId.of(7), new PageRequest(1, Optional.empty())).nextCursor()
        .orElseThrow();

    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> queries.shipmentsOfOrder(OrderId.of(8), new PageRequest(1, Optional.of(cursor))))
        .withMessage("cursor is not one this list issued; start again without it");
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", "czE6Nzo", "%%%", "czE6Nzow", "ZTE6MTo5OTk5OTk5OTk5OTk5Ljk6MQ", "bm9wZQ"})
  void aCursorThisServiceDidNotIssueIsRefused(String cursor) {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> queries.shipmentsOfOrder(OrderId.of(7), new PageRequest(10, Optional.of(cursor))));
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> queries.trackingHistory(ParcelId.of(1), new PageRequest(10, Optional.of(cursor))));
  }

  @Test
  void aPackagesHistoryIsPagedByTimeThenIdEvenWhenScansShareAnInstant() {
    Shipment shipment = aShipment().withId(3).build();
    fixture.shipments.add(shipment);
    ParcelId parcel = shipment.parcels().get(0).id();
    OffsetDateTime at = OffsetDateTime.parse("2026-01-06T10:00:00-05:00");
    fixture.events.addNew(List.of(event(parcel, at, "A"), event(parcel, at, "B"), event(parcel, at.plusHours(1), "C")));

    Page<TrackingEvent> first = queries.trackingHistory(parcel, new PageRequest(1, Optional.empty()));
    Page<TrackingEvent> second = queries.trackingHistory(parcel, new PageRequest(1, first.nextCursor()));
    Page<TrackingEvent> third = queries.trackingHistory(parcel, new PageRequest(5, second.nextCursor()));

    assertThat(first.items()).extracting(TrackingEvent::rawCode).containsExactly("A");
    assertThat(second.items()).extracting(TrackingEvent::rawCode).containsExactly("B");
    assertThat(third.items()).extracting(TrackingEvent::rawCode).containsExactly("C");
    assertThat(third.nextCursor()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 101})
  void aLimitOutsideOneToAHundredIsRefused(int limit) {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> new PageRequest(limit, Optional.empty()))
        .withMessage("limit must be an integer from 1 to 100");
  }

  private static TrackingEvent event(ParcelId parcel, OffsetDateTime at, String code) {
    return new TrackingEvent(null, parcel, TrackingEventType.IN_TRANSIT, at, "MEMPHIS", code, "scan " + code, Map.of());
  }
}
