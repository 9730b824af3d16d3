package com.ostore.shipping.adapter.out.kafka;

import com.ostore.shipping.adapter.out.kafka.KafkaEventPublisher.Sent;
import com.ostore.shipping.domain.event.ShipmentEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/** The producer calls of one publish, each turned into a result instead of an exception. */
final class Sending {
  private Sending() {}

  /** Sends until all are sent, the deadline passes, or the cluster proves unreachable. */
  static List<Sent> sendInOrder(
      Producer<String, byte[]> producer, ShipmentEventRecords records, List<ShipmentEvent> events, Deadline deadline) {
    List<Sent> sent = new ArrayList<>();
    for (ShipmentEvent event : events) {
      if (deadline.passed()) {
        break;
      }
      Future<RecordMetadata> ack = send(producer, records, event);
      sent.add(new Sent(event, ack));
      if (timedOutAtOnce(ack)) {
        // No metadata within max.block.ms: every further send would block as long again.
        break;
      }
    }
    return sent;
  }

  static void flush(Producer<String, byte[]> producer) {
    try {
      producer.flush();
    } catch (RuntimeException e) {
      // Interrupted or closed: the futures carry the outcome of each event.
    }
  }

  /** Null when the broker acknowledged the event, otherwise why not. */
  static String awaitAck(Future<RecordMetadata> ack, Deadline deadline) {
    try {
      ack.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
      return null;
    } catch (ExecutionException e) {
      return describe(e.getCause());
    } catch (TimeoutException e) {
      return "no acknowledgement before the publish timeout";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while waiting for the acknowledgement";
    }
  }

  private static Future<RecordMetadata> send(
      Producer<String, byte[]> producer, ShipmentEventRecords records, ShipmentEvent event) {
    try {
      return producer.send(records.toRecord(event));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static boolean timedOutAtOnce(Future<RecordMetadata> ack) {
    if (!ack.isDone()) {
      return false;
    }
    try {
      ack.get();
      return false;
    } catch (ExecutionException e) {
      return e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static String describe(Throwable cause) {
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
