package com.ostore.shipping.application.service;

import com.ostore.shipping.domain.port.out.AlertRepository;
import com.ostore.shipping.domain.port.out.IdempotencyKeys;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import com.ostore.shipping.domain.port.out.ShipmentRepository;
import com.ostore.shipping.domain.port.out.TaskQueue;
import com.ostore.shipping.domain.port.out.TrackingCallLedger;
import com.ostore.shipping.domain.port.out.TrackingEventRepository;
import com.ostore.shipping.domain.port.out.Transactions;
import java.util.Objects;

/** The storage ports the use cases write through, always together inside one transaction. */
public record StoragePorts(
    ShipmentRepository shipments, TrackingEventRepository events, OutboxRepository outbox, TaskQueue tasks,
    AlertRepository alerts, Transactions transactions, IdempotencyKeys idempotencyKeys,
    TrackingCallLedger trackingCalls) {

  public StoragePorts {
    Objects.requireNonNull(shipments, "shipments");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(tasks, "tasks");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
    Objects.requireNonNull(trackingCalls, "trackingCalls");
  }
}
