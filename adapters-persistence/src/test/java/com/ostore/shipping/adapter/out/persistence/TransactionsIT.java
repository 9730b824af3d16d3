package com.ostore.shipping.adapter.out.persistence;

import static com.ostore.shipping.domain.testing.ShipmentTestData.T0;
import static com.ostore.shipping.domain.testing.ShipmentTestData.aShipment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.TrackingEvent;
import com.ostore.shipping.domain.model.TrackingEventType;
import com.ostore.shipping.domain.port.out.ShipmentRepository;
import com.ostore.shipping.domain.port.out.TaskKind;
import com.ostore.shipping.domain.port.out.TaskQueue;
import com.ostore.shipping.domain.port.out.Transactions;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransactionsIT extends DatabaseTestSupport {
  private final Transactions transactions = module.transactions();
  private final ShipmentRepository shipments = module.shipmentRepository();
  private final TaskQueue tasks = module.taskQueue();

  @Test
  void givenTheWorkFailsAfterWriting_thenEveryRepositoryWriteInsideItIsUndone() {
    Shipment shipment = aShipment().withId(3001).withOrderId(901).build();

    assertThatThrownBy(() -> transactions.run(() -> {
      shipments.add(shipment);
      module.trackingEventRepository().addNew(List.of(TrackingEvent.observed(shipment.parcels().get(0).id(),
          TrackingEventType.LABEL_CREATED, OffsetDateTime.parse("2026-01-05T09:00:00Z"), null, "OC", null, Map.of())));
      tasks.enqueue(TaskKind.CREATE_LABELS, 3001, T0, T0);
      throw new IllegalStateException("carrier said no");
    })).hasMessage("carrier said no");

    assertThat(shipments.findById(shipment.id())).isEmpty();
    assertThat(tasks.countActive()).containsEntry(TaskKind.CREATE_LABELS, 0L);
  }

  @Test
  void givenANestedTransactionFinished_whenTheOuterOneFails_thenTheInnerWritesAreUndoneToo() {
    Shipment shipment = aShipment().withId(3002).withOrderId(902).build();

    assertThatThrownBy(() -> transactions.run(() -> {
      transactions.run(() -> shipments.add(shipment));
      assertThat(shipments.findById(shipment.id())).isPresent();
      throw new IllegalStateException("later step failed");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(shipments.findById(shipment.id())).isEmpty();
  }

  @Test
  void givenTheWorkFailsAfterACreate_thenTheShipmentAndItsLabelTaskAreUndone_andTheCreateWasSeenInsideIt() {
    Shipment shipment = aShipment().withId(3005).withOrderId(905).build();

    assertThatThrownBy(() -> transactions.run(() -> {
      shipments.addWithLabelTask(shipment, T0);
      assertThat(shipments.findById(shipment.id())).contains(shipment);
      throw new IllegalStateException("later step failed");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(shipments.findById(shipment.id())).isEmpty();
    assertThat(tasks.countActive()).containsEntry(TaskKind.CREATE_LABELS, 0L);
  }

  @Test
  void committedWorkIsSeenByEveryoneAndCallsOutsideATransactionCommitOnTheirOwn() {
    Shipment inside = aShipment().withId(3003).withOrderId(903).build();
    Shipment outside = aShipment().withId(3004).withOrderId(903).build();

    Shipment saved = transactions.inTransaction(() -> {
      shipments.add(inside);
      return shipments.update(inside.cancelled(T0.plusSeconds(1)));
    });
    shipments.add(outside);

    try (PersistenceModule otherInstance = PersistenceModule.start(config())) {
      assertThat(otherInstance.shipmentRepository().findById(inside.id())).contains(saved);
      assertThat(otherInstance.shipmentRepository().findById(outside.id())).contains(outside);
    }
  }
}
