package com.ostore.shipping.adapter.out.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.adapter.testing.LogCapture;
import com.ostore.shipping.domain.port.out.OnCallAlert;
import com.ostore.shipping.domain.support.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PagerDutyAlerterTest {
  private static final String ROUTING_KEY = "R0UT1NGKEY0123456789abcdef";
  private static final DeliveryRetry FAST_RETRY = new DeliveryRetry(3, Duration.ofMillis(5));
  private static final OnCallAlert ALERT = new OnCallAlert("stale-tasks:buy-label", "12 label tasks unacknowledged for over a day",
      OnCallAlert.Severity.CRITICAL, Instant.parse("2026-01-06T09:00:00Z"), Map.of("oldestTaskId", "881", "count", "12"));

  private final PagerDutyStub pagerDuty = new PagerDutyStub();
  private final LogCapture log = LogCapture.of(PagerDutyAlerter.class);

  @AfterEach
  void tearDown() {
    log.close();
    pagerDuty.close();
  }

  @Test
  void aTriggerIsSentInTheEventsV2ShapeWithTheDedupKey() {
    alerter(pagerDuty.url(), Duration.ofSeconds(5)).trigger(ALERT);

    assertThat(pagerDuty.received()).singleElement().satisfies(event -> {
      assertThat(event.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
      assertThat(event.get("event_action").asText()).isEqualTo("trigger");
      assertThat(event.get("dedup_key").asText()).isEqualTo("stale-tasks:buy-label");
      JsonNode payload = event.get("payload");
      assertThat(payload.get("summary").asText()).isEqualTo("12 label tasks unacknowledged for over a day");
      assertThat(payload.get("source").asText()).isEqualTo("shipping-prod-1");
      assertThat(payload.get("severity").asText()).isEqualTo("critical");
      assertThat(payload.get("timestamp").asText()).isEqualTo("2026-01-06T09:00:00Z");
      assertThat(payload.get("component").asText()).isEqualTo("shipment-tracking-service");
      assertThat(payload.get("group").asText()).isNotBlank();
      assertThat(payload.get("class").asText()).isNotBlank();
      assertThat(payload.get("custom_details").get("oldestTaskId").asText()).isEqualTo("881");
      assertThat(payload.get("custom_details").get("count").asText()).isEqualTo("12");
    });
  }

  @Test
  void aResolveCarriesOnlyTheRoutingKeyTheActionAndTheDedupKey() {
    alerter(pagerDuty.url(), Duration.ofSeconds(5)).resolve("stale-tasks:buy-label");

    assertThat(pagerDuty.received()).singleElement().satisfies(event -> {
      assertThat(event.size()).isEqualTo(3);
      assertThat(event.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
      assertThat(event.get("event_action").asText()).isEqualTo("resolve");
      assertThat(event.get("dedup_key").asText()).isEqualTo("stale-tasks:buy-label");
    });
  }

  @Test
  void givenPagerDutyFailsTwice_whenTriggered_thenTheThirdAttemptDeliversAndNothingIsLoggedAsError() {
    pagerDuty.answer(503, 429);

    alerter(pagerDuty.url(), Duration.ofSeconds(5)).trigger(ALERT);

    assertThat(pagerDuty.received()).hasSize(3).allSatisfy(event ->
        assertThat(event.get("dedup_key").asText()).isEqualTo("stale-tasks:buy-label"));
    assertThat(log.events()).noneMatch(event -> event.getLevel() == Level.ERROR);
  }

  @Test
  void givenPagerDutyKeepsFailing_whenTriggered_thenTheCallerGoesOnAndTheFailureIsLoggedAtErrorWithoutTheKey() {
    pagerDuty.answer(500, 500, 500);
    pagerDuty.answerWithBody("{\"status\":\"error\",\"errors\":[\"routing_key " + ROUTING_KEY + " is broken\"]}");

    assertThatCode(() -> alerter(pagerDuty.url(), Duration.ofSeconds(5)).trigger(ALERT)).doesNotThrowAnyException();

    assertThat(pagerDuty.received()).hasSize(FAST_RETRY.maxAttempts());
    assertThat(log.events()).filteredOn(event -> event.getLevel() == Level.ERROR).singleElement()
        .satisfies(event -> assertThat(event.getFormattedMessage()).contains("stale-tasks:buy-label", "HTTP 500"));
    assertThat(log.text()).doesNotContain(ROUTING_KEY);
  }

  @Test
  void anEventPagerDutyRefusesAsInvalidIsNotRetried() {
    pagerDuty.answer(400);

    alerter(pagerDuty.url(), Duration.ofSeconds(5)).resolve("stale-tasks:buy-label");

    assertThat(pagerDuty.received()).hasSize(1);
    assertThat(log.events()).anyMatch(event -> event.getLevel() == Level.ERROR);
  }

  @Test
  void givenPagerDutyHangs_whenTriggered_thenEachAttemptTimesOutAndTheCallerGoesOn() {
    pagerDuty.hang();

    assertThatCode(() -> alerter(pagerDuty.url(), Duration.ofMillis(200)).trigger(ALERT)).doesNotThrowAnyException();

    assertThat(pagerDuty.received()).hasSize(FAST_RETRY.maxAttempts());
    assertThat(log.events()).filteredOn(event -> event.getLevel() == Level.ERROR).singleElement()
        .satisfies(event -> assertThat(event.getFormattedMessage()).contains("HttpTimeoutException"));
  }

  @Test
  void givenNothingListens_whenTriggered_thenTheCallerGoesOnAndTheFailureIsLogged() {
    URI closedPort = pagerDuty.url();
    pagerDuty.close();

    assertThatCode(() -> alerter(closedPort, Duration.ofSeconds(1)).trigger(ALERT)).doesNotThrowAnyException();

    assertThat(log.events()).anyMatch(event -> event.getLevel() == Level.ERROR);
    assertThat(log.text()).doesNotContain(ROUTING_KEY);
  }

  @Test
  void theConfigCanBeLoggedWithoutRevealingTheRoutingKey() {
    PagerDutyConfig config = PagerDutyConfig.of(Secret.of(ROUTING_KEY), "shipping-prod-1");

    assertThat(config.toString()).doesNotContain(ROUTING_KEY).contains("events.pagerduty.com");
  }

  @Test
  void givenPagerDutyIsSlow_whenAnAlertIsRaised_thenTheCallerGoesOnAndTheAlertIsDeliveredOnItsOwnThread() {
    pagerDuty.hang();
    PagerDutyConfig config = new PagerDutyConfig(pagerDuty.url(), Secret.of(ROUTING_KEY), "shipping-prod-1",
        Duration.ofSeconds(20));
    ExecutorService delivery = Executors.newSingleThreadExecutor();
    try (PagerDutyAlerter alerter = new PagerDutyAlerter(config, HttpClient.newHttpClient(), FAST_RETRY, delivery)) {
      alerter.trigger(ALERT);
      // Had trigger waited for PagerDuty, the held request would have timed out and only a retry delivered.
      pagerDuty.release();

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log.text())
          .contains("PagerDuty trigger delivered for dedup key stale-tasks:buy-label (attempt 1)"));
    }
  }

  private PagerDutyAlerter alerter(URI url, Duration timeout) {
    PagerDutyConfig config = new PagerDutyConfig(url, Secret.of(ROUTING_KEY), "shipping-prod-1", timeout);
    return new PagerDutyAlerter(config, HttpClient.newBuilder().connectTimeout(timeout).build(), FAST_RETRY);
  }
}
