package com.ostore.shipping.adapter.out.carrier.usps;

import static com.ostore.shipping.adapter.out.carrier.usps.FakeUsps.json;
import static com.ostore.shipping.adapter.out.carrier.usps.FakeUsps.multipartLabel;
import static com.ostore.shipping.adapter.out.carrier.usps.FakeUsps.trackingArray;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.ostore.shipping.domain.model.TrackingEventType;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierAccountException;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import com.ostore.shipping.domain.port.out.LabelPurchase;
import com.ostore.shipping.domain.port.out.TrackingReport;
import com.ostore.shipping.domain.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UspsGatewayResilienceTest {
  private static final String TRACK = "/tracking/v3r2/tracking";
  private static final String LABEL = "/labels/v3/label";
  private static final TrackingNumber NUMBER = TrackingNumber.of("9400100000000000000001");
  private final MockWebServer server = new MockWebServer();
  private final FakeUsps usps = new FakeUsps();
  private final MutableClock clock = MutableClock.at("2026-01-05T09:00:00Z");
  private UspsCarrierGateway gateway;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(usps);
    server.start();
    gateway = new UspsCarrierGateway(UspsTestData.config(server.url("/").toString(), clock));
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
    server.close();
  }

  @Test
  void givenARevokedToken_whenTracking_thenTheTokenIsRefreshedOnceAndTheCallRepeated() {
    usps.enqueue(TRACK, json(401, "{\"error\":{\"code\":\"401\",\"message\":\"Unauthorized\"}}"),
        json(200, trackingArray(NUMBER.value(), "03")));

    List<TrackingReport> reports = gateway.track(List.of(NUMBER));

    assertThat(reports.get(0).scans().get(0).type()).isEqualTo(TrackingEventType.PICKED_UP);
    assertThat(usps.tokenCalls).hasValue(2);
    List<RecordedRequest> calls = usps.requestsTo(TRACK);
    assertThat(calls.get(0).getHeaders().get("Authorization")).isEqualTo("Bearer access-token-number-1");
    assertThat(calls.get(1).getHeaders().get("Authorization")).isEqualTo("Bearer access-token-number-2");
  }

  @Test
  void givenAStillRejectedTokenAfterRefresh_whenTracking_thenAnAccountProblemKeyedByTheCredentials() {
    usps.otherwise(TRACK, json(401, "{\"error\":{\"code\":\"401\",\"message\":\"Unauthorized\"}}"));

    assertThatExceptionOfType(CarrierAccountException.class).isThrownBy(() -> gateway.track(List.of(NUMBER)))
        .withMessageContaining("401")
        .satisfies(e -> assertThat(e.causeKey()).isEqualTo("usps:credentials:tracking"));
    assertThat(usps.tokenCalls).hasValue(2);
  }

  @Test
  void givenManyConcurrentCalls_whenNoTokenIsCached_thenOnlyOneTokenIsFetched() throws Exception {
    usps.otherwise(TRACK, json(200, trackingArray(NUMBER.value(), "10")).bodyDelay(20, java.util.concurrent.TimeUnit.MILLISECONDS));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<List<TrackingReport>>> calls = IntStream.range(0, 16)
          .<Callable<List<TrackingReport>>>mapToObj(i -> () -> gateway.track(List.of(NUMBER))).toList();
      pool.invokeAll(calls).forEach(f -> assertThat(f).succeedsWithin(Duration.ofSeconds(10)));
    } finally {
      pool.shutdownNow();
    }
    assertThat(usps.tokenCalls).hasValue(1);
  }

  @Test
  void givenTheTokenNearsExpiryOnTheInjectedClock_whenTracking_thenANewTokenIsFetchedFirst() {
    usps.otherwise(TRACK, json(200, trackingArray(NUMBER.value(), "10")));
    gateway.track(List.of(NUMBER));

    clock.advance(Duration.ofMinutes(56));
    gateway.track(List.of(NUMBER));

    assertThat(usps.tokenCalls).hasValue(2);
  }

  @Test
  void givenABadAddress_whenBuyingALabel_thenRejectedWithUspsMessageAndNotRetried() {
    usps.otherwise(LABEL, json(400, "{\"apiVersion\":\"/labels/v3\",\"error\":{\"code\":\"400\",\"message\":\"Bad Request\","
        + "\"errors\":[{\"status\":\"400\",\"code\":\"010001\",\"title\":\"Invalid Address\",\"detail\":\"Address Not Found.\"}]}}"));

    assertThatExceptionOfType(CarrierRejectedException.class)
        .isThrownBy(() -> gateway.purchaseLabels(UspsTestData.labelRequest("shipment-1", 1, false)))
        .withMessageContaining("Address Not Found. (010001)");
    assertThat(usps.requestsTo(LABEL)).hasSize(1);
  }

  @Test
  void givenServerErrors_whenTracking_thenRetriedUntilSuccess() {
    usps.enqueue(TRACK, json(500, "{}"), json(503, "{}"), json(502, "<html>bad gateway</html>"),
        json(200, trackingArray(NUMBER.value(), "OF")));

    assertThat(gateway.track(List.of(NUMBER)).get(0).scans().get(0).type()).isEqualTo(TrackingEventType.OUT_FOR_DELIVERY);
    assertThat(usps.requestsTo(TRACK)).hasSize(4);
  }

  @Test
  void givenA429WithShortRetryAfter_whenTracking_thenItWaitsAndSucceeds() {
    usps.enqueue(TRACK, json(429, "{}").setHeader("Retry-After", "1"), json(200, trackingArray(NUMBER.value(), "01")));

    assertThat(gateway.track(List.of(NUMBER)).get(0).scans().get(0).type()).isEqualTo(TrackingEventType.DELIVERED);
    assertThat(usps.requestsTo(TRACK)).hasSize(2);
  }

  @Test
  void givenA503WithRetryAfterBeyondTheCap_whenTracking_thenFailsFastCarryingRetryAfter() {
    usps.otherwise(TRACK, json(503, "{}").setHeader("Retry-After", "120"));

    assertThatExceptionOfType(CarrierUnavailableException.class).isThrownBy(() -> gateway.track(List.of(NUMBER)))
        .satisfies(e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)));
    assertThat(usps.requestsTo(TRACK)).hasSize(1);
  }

  @Test
  void givenUspsHangsLongerThanTheTimeout_whenTracking_thenTheNextAttemptAnswers() {
    usps.enqueue(TRACK, json(200, trackingArray(NUMBER.value(), "07")).headersDelay(3, java.util.concurrent.TimeUnit.SECONDS),
        json(200, trackingArray(NUMBER.value(), "07")));

    assertThat(gateway.track(List.of(NUMBER)).get(0).found()).isTrue();
    assertThat(usps.requestsTo(TRACK)).hasSize(2);
  }

  @Test
  void givenUspsAlwaysHangs_whenTracking_thenUnavailableAfterTheAttempts() {
    usps.otherwise(TRACK, new MockResponse.Builder().onResponseStart(mockwebserver3.SocketEffect.Stall.INSTANCE));

    assertThatExceptionOfType(CarrierUnavailableException.class).isThrownBy(() -> gateway.track(List.of(NUMBER)))
        .withMessageContaining("timed out");
  }

  @Test
  void givenAMalformedBody_whenTracking_thenUnavailable() {
    usps.otherwise(TRACK, json(200, "[{\"trackingNumber\": unquoted"));

    assertThatExceptionOfType(CarrierUnavailableException.class).isThrownBy(() -> gateway.track(List.of(NUMBER)))
        .withMessageContaining("unreadable");
  }

  @Test
  void givenALabelCallFailsOnce_whenRetried_thenTheSameIdempotencyKeyIsSent() {
    usps.enqueue(LABEL, json(503, "{}"), multipartLabel("9400111111111111111111"));

    LabelPurchase purchase = gateway.purchaseLabels(UspsTestData.labelRequest("shipment-1001-attempt", 1, false));

    assertThat(purchase.labels().get(0).trackingNumber().value()).isEqualTo("9400111111111111111111");
    List<RecordedRequest> calls = usps.requestsTo(LABEL);
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0).getHeaders().get("X-Idempotency-Key")).isNotBlank()
        .isEqualTo(calls.get(1).getHeaders().get("X-Idempotency-Key"));
    assertThat(calls.get(1).getHeaders().get("X-Payment-Authorization-Token")).isEqualTo("payment-token-number-1");
  }

  @Test
  void givenTwoPackages_whenBuying_thenEachHasItsOwnKeyAndOnePaymentTokenServesBoth() {
    usps.enqueue(LABEL, multipartLabel("9400111111111111111111"), multipartLabel("9400111111111111111112"));
    usps.enqueue(LABEL + "/9400111111111111111111",
        json(200, "{\"trackingNumber\":\"9400111111111111111111\",\"status\":\"CANCELED\"}"));

    gateway.purchaseLabels(UspsTestData.labelRequest("shipment-1001", 2, false));
    gateway.cancel(TrackingNumber.of("9400111111111111111111"));

    List<RecordedRequest> calls = usps.requestsTo(LABEL);
    assertThat(calls.get(0).getHeaders().get("X-Idempotency-Key")).isNotEqualTo(calls.get(1).getHeaders().get("X-Idempotency-Key"));
    assertThat(usps.paymentCalls).hasValue(1);
    String body = calls.get(0).getBody().utf8();
    assertThat(body).contains("\"ZIPCode\":\"10118\"", "\"ZIPPlus4\":\"0110\"", "\"secondaryAddress\":\"Floor 21\"",
        "\"mailClass\":\"USPS_GROUND_ADVANTAGE\"", "\"mailingDate\":\"2026-01-05\"", "\"referenceNumber\":\"shipment-1001\"");
  }

  @Test
  void givenV3r2IsNotOfferedToTheApp_whenTracking_thenEachNumberIsAskedThroughTheLegacyGet() {
    usps.enqueue(TRACK, json(404, "{\"error\":{\"code\":\"404\",\"message\":\"Resource not found\"}}"));
    String detail = trackingArray(NUMBER.value(), "01");
    usps.otherwise("/tracking/v3/tracking/" + NUMBER.value(), json(200, detail.substring(1, detail.length() - 1)));

    List<TrackingReport> reports = gateway.track(List.of(NUMBER, NUMBER));

    assertThat(reports).hasSize(2).allSatisfy(r -> assertThat(r.scans()).hasSize(1));
    assertThat(usps.requestsTo("/tracking/v3/tracking/" + NUMBER.value())).hasSize(1);
    assertThat(usps.requestsTo("/tracking/v3/tracking/" + NUMBER.value()).get(0).getTarget()).endsWith("expand=DETAIL");
  }

  @Test
  void givenAMultiStatusAnswer_whenTracking_thenUnknownNumbersAreNotFoundWithUspsMessage() {
    TrackingNumber unknown = TrackingNumber.of("9400100000000000000999");
    String found = trackingArray(NUMBER.value(), "GX");
    usps.enqueue(TRACK, new MockResponse.Builder().code(207).setHeader("Content-Type", "application/json").body(
        "[" + found.substring(1, found.length() - 2) + ",\"statusCode\":\"200\"},{\"statusCode\":\"404\",\"trackingNumber\":\""
            + unknown.value() + "\",\"error\":{\"code\":\"404\",\"message\":\"Not Found\",\"errors\":[{\"code\":\"150002\","
            + "\"detail\":\"The tracking number may be incorrect\"}]}}]"));

    List<TrackingReport> reports = gateway.track(List.of(unknown, NUMBER));

    assertThat(reports.get(0).found()).isFalse();
    assertThat(reports.get(0).message()).contains("The tracking number may be incorrect");
    assertThat(reports.get(1).scans().get(0).type()).isEqualTo(TrackingEventType.LABEL_CREATED);
  }
}
