package com.ostore.shipping.adapter.out.carrier.fedex;

import static com.ostore.shipping.adapter.out.carrier.fedex.FedexStub.error;
import static com.ostore.shipping.adapter.out.carrier.fedex.FedexStub.json;
import static com.ostore.shipping.adapter.out.carrier.fedex.FedexStub.trackResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.ostore.shipping.domain.model.TrackingEventType;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierAccountException;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import com.ostore.shipping.domain.port.out.TrackingReport;
import com.ostore.shipping.domain.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ResponseBody;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FedexCarrierGatewayTest {
  private static final TrackingNumber NUMBER = TrackingNumber.of("794953535000");

  private final MockWebServer server = new MockWebServer();
  private final FedexStub stub = new FedexStub();
  private final MutableClock clock = MutableClock.at("2026-01-05T14:00:00Z");
  private FedexCarrierGateway gateway;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(stub);
    server.start();
    gateway = new FedexCarrierGateway(FedexTestData.config(server.url("/").toString(), clock));
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
    server.close();
  }

  @Test
  void givenRefusedClientCredentials_whenTracking_thenAnAccountProblemWithFedExsReason() {
    stub.tokens.add(json(401, error("NOT.AUTHORIZED.ERROR", "The given client credentials were not valid.")));

    ThrowingCallable tracking = () -> gateway.track(List.of(NUMBER));

    assertThatExceptionOfType(CarrierAccountException.class).isThrownBy(tracking)
        .withMessageContaining("NOT.AUTHORIZED.ERROR The given client credentials were not valid.")
        .satisfies(e -> assertThat(e.causeKey()).isEqualTo("fedex:credentials"));
    assertThat(stub.apiCalls).hasValue(0);
  }

  @Test
  void givenARedirect_whenTracking_thenItIsNotFollowedAndTheCallFails() {
    stub.api.add(new MockResponse.Builder().code(302).setHeader("Location", server.url("/elsewhere").toString()));

    ThrowingCallable tracking = () -> gateway.track(List.of(NUMBER));

    assertThatExceptionOfType(CarrierUnavailableException.class).isThrownBy(tracking);
    assertThat(stub.apiRequests).extracting(RecordedRequest::getTarget).doesNotContain("/elsewhere");
  }

  @Test
  void aResponseBodyIsReadOnlyUpToItsCap() throws Exception {
    byte[] ten = "0123456789".getBytes(StandardCharsets.US_ASCII);

    assertThat(FedexHttpClient.readCapped(ResponseBody.create(ten, null), 10)).isEqualTo(ten);
    assertThatExceptionOfType(IOException.class)
        .isThrownBy(() -> FedexHttpClient.readCapped(ResponseBody.create(ten, null), 9))
        .withMessage("FedEx response is larger than 9 bytes");
  }

  @Test
  void givenATokenFedExExpiredEarly_whenTracking_thenItFetchesANewTokenAndRetriesOnce() throws Exception {
    stub.api.add(json(401, error("NOT.AUTHORIZED.ERROR", "Access token expired. Please modify your request and try again.")));
    stub.api.add(json(200, trackResult(NUMBER.value(), "PU")));

    List<TrackingReport> reports = gateway.track(List.of(NUMBER));

    assertThat(reports.get(0).scans()).extracting(scan -> scan.type()).containsExactly(TrackingEventType.PICKED_UP);
    assertThat(stub.tokenCalls).hasValue(2);
    List<String> authorizations = stub.apiRequests.stream().map(request -> request.getHeaders().get("Authorization")).toList();
    assertThat(authorizations).containsExactly("Bearer tok-1-Aardvark", "Bearer tok-2-Aardvark");
  }

  @Test
  void givenA401EvenWithAFreshToken_whenTracking_thenAnAccountProblemAfterOneRefresh() {
    stub.api.add(json(401, error("NOT.AUTHORIZED.ERROR", "Access token expired.")));
    stub.api.add(json(401, error("NOT.AUTHORIZED.ERROR", "Access token expired.")));

    assertThatExceptionOfType(CarrierAccountException.class).isThrownBy(() -> gateway.track(List.of(NUMBER)))
        .withMessageContaining("HTTP 401");
    assertThat(stub.apiCalls).hasValue(2);
  }

  @Test
  void givenManyConcurrentCalls_whenNoTokenIsCached_thenOnlyOneTokenIsFetched() throws Exception {
    stub.tokenDelayMillis = 300;
    for (int i = 0; i < 8; i++) {
      stub.api.add(json(200, trackResult(NUMBER.value(), "IT")));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<List<TrackingReport>>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(CompletableFuture.supplyAsync(() -> gateway.track(List.of(NUMBER)), pool));
      }
      for (CompletableFuture<List<TrackingReport>> call : calls) {
        assertThat(call.get(10, TimeUnit.SECONDS).get(0).found()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(stub.tokenCalls).hasValue(1);
  }

  @Test
  void givenTheTokenIsAboutToExpireByTheClock_whenTracking_thenANewTokenIsFetchedFirst() {
    stub.api.add(json(200, trackResult(NUMBER.value(), "IT")));
    stub.api.add(json(200, trackResult(NUMBER.value(), "IT")));
    gateway.track(List.of(NUMBER));

    clock.advance(Duration.ofSeconds(3599 - 59));
    gateway.track(List.of(NUMBER));

    assertThat(stub.tokenCalls).hasValue(2);
  }

  @Test
  void givenAnInvalidAddress_whenBuyingLabels_thenRejectedWithFedExsMessageAndTransactionId() {
    stub.api.add(json(400, error("RECIPIENTS.ADDRESS.INVALID", "Recipient address is invalid.")));

    assertThatExceptionOfType(CarrierRejectedException.class)
        .isThrownBy(() -> gateway.purchaseLabels(FedexTestData.request("ship-1001", 1, false)))
        .withMessageContaining("RECIPIENTS.ADDRESS.INVALID Recipient address is invalid.")
        .satisfies(rejected -> assertThat(rejected.transactionId()).contains("tx-42"));
    assertThat(stub.apiCalls).hasValue(1);
  }

  @Test
  void givenA503_whenTracking_thenTheCallIsRetriedAndSucceeds() {
    stub.api.add(json(503, error("SERVICE.UNAVAILABLE.ERROR", "The service is currently unavailable.")));
    stub.api.add(json(200, trackResult(NUMBER.value(), "OD")));

    List<TrackingReport> reports = gateway.track(List.of(NUMBER));

    assertThat(reports.get(0).scans().get(0).type()).isEqualTo(TrackingEventType.OUT_FOR_DELIVERY);
    assertThat(stub.apiCalls).hasValue(2);
  }

  @Test
  void givenA503_whenBuyingLabels_thenItIsNotRetriedAndSurfacesAsUnavailable() {
    stub.api.add(json(503, error("SERVICE.UNAVAILABLE.ERROR", "The service is currently unavailable.")));
    stub.api.add(json(200, "{}"));

    assertThatExceptionOfType(CarrierUnavailableException.class)
        .isThrownBy(() -> gateway.purchaseLabels(FedexTestData.request("ship-1001", 1, false)))
        .withMessageContaining("SERVICE.UNAVAILABLE.ERROR");
    assertThat(stub.apiCalls).hasValue(1);
  }

  @Test
  void givenA429WithRetryAfter_whenTracking_thenItWaitsThatLongAndRetries() {
    stub.api.add(json(429, error("TOO.MANY.REQUESTS", "Too many requests")).setHeader("Retry-After", "1"));
    stub.api.add(json(200, trackResult(NUMBER.value(), "IT")));
    long started = System.nanoTime();

    gateway.track(List.of(NUMBER));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(stub.apiCalls).hasValue(2);
  }

  @Test
  void givenA429AskingForMoreThanTheCap_whenTracking_thenUnavailableCarryingTheWait() {
    stub.api.add(json(429, error("TOO.MANY.REQUESTS", "Too many requests")).setHeader("Retry-After", "3600"));

    assertThatExceptionOfType(CarrierUnavailableException.class).isThrownBy(() -> gateway.track(List.of(NUMBER)))
        .satisfies(e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
    assertThat(stub.apiCalls).hasValue(1);
  }

  @Test
  void givenFedExNeverAnswersInTime_whenBuyingLabels_thenUnavailableAfterOneAttempt() {
    stub.api.add(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body("{}"));

    assertThatExceptionOfType(CarrierUnavailableException.class)
        .isThrownBy(() -> gateway.purchaseLabels(FedexTestData.request("ship-1001", 1, false)))
        .withMessageContaining("timed out");
    assertThat(stub.apiCalls).hasValue(1);
  }

  @Test
  void givenAMalformedBody_whenTracking_thenUnavailable() {
    stub.api.add(json(200, "<html>gateway error</html>"));

    assertThatExceptionOfType(CarrierUnavailableException.class).isThrownBy(() -> gateway.track(List.of(NUMBER)))
        .withMessageContaining("not the JSON FedEx documents");
  }

  @Test
  void givenMoreThanThirtyNumbers_whenTracking_thenTheyGoInBatchesOfThirtyAndReportsKeepTheOrder() {
    List<TrackingNumber> numbers = new ArrayList<>();
    for (int i = 0; i < 31; i++) {
      numbers.add(TrackingNumber.of(Long.toString(700_000_000_000L + i)));
    }
    stub.api.add(json(200, trackResult(numbers.get(0).value(), "PU")));
    stub.api.add(json(200, trackResult(numbers.get(30).value(), "DL")));

    List<TrackingReport> reports = gateway.track(numbers);

    assertThat(reports).hasSize(31);
    assertThat(reports.get(0).found()).isTrue();
    assertThat(reports.get(30).scans().get(0).type()).isEqualTo(TrackingEventType.DELIVERED);
    assertThat(stub.apiRequests).extracting(request -> request.getBody().utf8().split("trackingNumberInfo").length - 1)
        .containsExactly(30, 1);
    assertThat(gateway.maxTrackingBatchSize()).isEqualTo(30);
  }

  @Test
  void givenFedExKeepsFailing_whenTheBreakerOpens_thenCallsFailFastWithoutReachingFedEx() {
    for (int i = 0; i < 12; i++) {
      stub.api.add(json(500, error("INTERNAL.SERVER.ERROR", "boom")));
    }
    for (int i = 0; i < 4; i++) {
      try {
        gateway.track(List.of(NUMBER));
      } catch (CarrierUnavailableException expected) {
        // filling the breaker's window
      }
    }
    int callsBefore = stub.apiCalls.get();

    assertThatExceptionOfType(CarrierUnavailableException.class).isThrownBy(() -> gateway.track(List.of(NUMBER)))
        .withMessageContaining("circuit breaker is open");
    assertThat(stub.apiCalls).hasValue(callsBefore);
  }
}
