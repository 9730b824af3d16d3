package com.ostore.shipping.adapter.out.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.adapter.testing.LogCapture;
import com.ostore.shipping.domain.port.out.OnCallAlert;
import com.ostore.shipping.domain.port.out.OnCallDelivery;
import com.ostore.shipping.domain.support.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PagerDutyAlerterTest {
  private static final String ROUTING_KEY = "R0UT1NGKEY0123456789abcdef";
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
  void aTriggerIsSentInTheEventsV2ShapeWithTheDedupKeyAndAcceptedOn202() {
    OnCallDelivery delivery = alerter(pagerDuty.url(), Duration.ofSeconds(5)).trigger(ALERT);

    assertThat(delivery.accepted()).isTrue();
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
  void givenPagerDutyAnswers503_whenTriggered_thenOneAttemptIsReportedNotAcceptedForTheCallerToSendAgain() {
    pagerDuty.answer(503);

    OnCallDelivery delivery = alerter(pagerDuty.url(), Duration.ofSeconds(5)).trigger(ALERT);

    assertThat(delivery.accepted()).isFalse();
    assertThat(delivery.problem()).contains("HTTP 503");
    assertThat(pagerDuty.received()).hasSize(1);
  }

  @Test
  void onlyA202CountsAsAccepted() {
    pagerDuty.answer(200, 429);
    PagerDutyAlerter alerter = alerter(pagerDuty.url(), Duration.ofSeconds(5));

    assertThat(alerter.trigger(ALERT).accepted()).isFalse();
    assertThat(alerter.trigger(ALERT).accepted()).isFalse();
    assertThat(alerter.trigger(ALERT).accepted()).isTrue();
    assertThat(pagerDuty.received()).hasSize(3).allSatisfy(event ->
        assertThat(event.get("dedup_key").asText()).isEqualTo("stale-tasks:buy-label"));
  }

  @Test
  void givenPagerDutyRefusesTheEvent_thenTheProblemIsReportedWithoutTheRoutingKey() {
    pagerDuty.answer(400);
    pagerDuty.answerWithBody("{\"status\":\"invalid event\",\"errors\":[\"routing_key " + ROUTING_KEY + " is broken\"]}");

    OnCallDelivery delivery = alerter(pagerDuty.url(), Duration.ofSeconds(5)).resolve("stale-tasks:buy-label");

    assertThat(delivery.accepted()).isFalse();
    assertThat(delivery.problem()).contains("HTTP 400").doesNotContain(ROUTING_KEY);
    assertThat(log.text()).doesNotContain(ROUTING_KEY);
  }

  @Test
  void givenPagerDutyHangs_whenTriggered_thenTheAttemptTimesOutAndIsReportedNotAccepted() {
    pagerDuty.hang();

    OnCallDelivery delivery = alerter(pagerDuty.url(), Duration.ofMillis(200)).trigger(ALERT);

    assertThat(delivery.accepted()).isFalse();
    assertThat(delivery.problem()).contains("HttpTimeoutException");
    assertThat(log.events()).anyMatch(event -> event.getLevel() == Level.WARN);
  }

  @Test
  void givenNothingListens_whenTriggered_thenTheCallerGoesOnWithTheProblem() {
    URI closedPort = pagerDuty.url();
    pagerDuty.close();

    OnCallDelivery delivery = alerter(closedPort, Duration.ofSeconds(1)).trigger(ALERT);

    assertThat(delivery.accepted()).isFalse();
    assertThat(log.text()).doesNotContain(ROUTING_KEY);
  }

  @Test
  void theConfigCanBeLoggedWithoutRevealingTheRoutingKey() {
    PagerDutyConfig config = PagerDutyConfig.of(Secret.of(ROUTING_KEY), "shipping-prod-1");

    assertThat(config.toString()).doesNotContain(ROUTING_KEY).contains("events.pagerduty.com");
  }

  private PagerDutyAlerter alerter(URI url, Duration timeout) {
    PagerDutyConfig config = new PagerDutyConfig(url, Secret.of(ROUTING_KEY), "shipping-prod-1", timeout);
    return new PagerDutyAlerter(config, HttpClient.newBuilder().connectTimeout(timeout).build());
  }
}
