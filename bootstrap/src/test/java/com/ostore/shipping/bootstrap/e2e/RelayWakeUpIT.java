package com.ostore.shipping.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The relay is woken by the commit of new events (LISTEN/NOTIFY on a channel of the installation), not by
 * its poll: with the poll an hour apart, every shipment's events still reach Order Management as they
 * are committed.
 */
class RelayWakeUpIT {
  private static final String TOPIC = "wake-up-events";

  @Test
  void withTheRelayPollingHourly_eventsStillReachOrderManagementAsSoonAsTheyAreCommitted() {
    MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    try (Sandbox sandbox = Sandbox.temporary(clock, Duration.ofHours(6));
        ServiceUnderTest service = ServiceUnderTest.start(sandbox, clock, Map.of("RELAY_INTERVAL", "1h",
            "KAFKA_TOPIC", TOPIC));
        EventConsumer orderManagement = new EventConsumer(sandbox.kafka().bootstrapServers(), TOPIC)) {
      service.createShipment(ShipmentRequests.fedex(9301, 1));
      await().atMost(Duration.ofSeconds(60)).until(() -> labelEventsOfOrder(orderManagement, 9301) == 1);

      // By now the relay has drained the outbox and waits for the next hour, or for a notification.
      service.createShipment(ShipmentRequests.fedex(9302, 2));

      await().atMost(Duration.ofSeconds(60)).until(() -> labelEventsOfOrder(orderManagement, 9302) == 2);
      assertThat(orderManagement.deduplicated()).hasSize(3);
    }
  }

  private static long labelEventsOfOrder(EventConsumer consumer, long orderId) {
    return consumer.deduplicated().stream()
        .filter(m -> m.value().get("orderID").asLong() == orderId && m.eventType().equals("label_created")).count();
  }
}
