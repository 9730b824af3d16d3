package com.ostore.shipping.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.bootstrap.e2e.EventConsumer;
import com.ostore.shipping.bootstrap.e2e.ServiceDatabase;
import com.ostore.shipping.bootstrap.e2e.ServiceUnderTest;
import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.sandbox.net.CallLog.Call;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both carriers misbehave at once: 30 % of calls answered 5xx, 10 % 429 with Retry-After, 5 % never
 * answered in time. Every shipment still ends with exactly one live label per package, and the service
 * keeps to what the carriers ask of a client: it waits as long as a Retry-After says, backs off before
 * buying again after a failure, and stays within the quota it is configured with.
 */
class FlakyCarriersFaultIT {
  private static final int SHIPMENTS = FaultSizes.pick(10, 300);
  private static final int QUOTA = 10;
  private static final Duration QUOTA_PERIOD = Duration.ofSeconds(1);
  private static final Duration RETRY_INITIAL = Duration.ofMillis(500);
  private static final Duration FEDEX_CALL_TIMEOUT = Duration.ofSeconds(2);

  private static Sandbox sandbox;
  private static ServiceDatabase database;
  private static EventConsumer orderManagement;
  private static ServiceUnderTest service;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.temporary(Clock.systemUTC(), Duration.ofHours(6));
    database = new ServiceDatabase(sandbox.environment());
    orderManagement = new EventConsumer(sandbox.kafka().bootstrapServers(), "shipment-tracking-events");
    service = ServiceUnderTest.start(sandbox, Clock.systemUTC(), ShipmentLoad.unthrottled(Map.of(
        "LABEL_WORKERS", "4",
        "FEDEX_CALL_TIMEOUT", FEDEX_CALL_TIMEOUT.toSeconds() + "s",
        "FEDEX_RATE_LIMIT_CALLS", Integer.toString(QUOTA), "FEDEX_RATE_LIMIT_PERIOD", QUOTA_PERIOD.toSeconds() + "s",
        "USPS_RATE_LIMIT_CALLS", Integer.toString(QUOTA), "USPS_RATE_LIMIT_PERIOD", QUOTA_PERIOD.toSeconds() + "s",
        "RETRY_INITIAL", RETRY_INITIAL.toMillis() + "ms", "RETRY_MAX", "4s")));
  }

  @AfterAll
  static void stop() {
    service.close();
    orderManagement.close();
    sandbox.close();
  }

  @Test
  void carriersFailingAThirdOfTheTime_everyShipmentIsLabelledOnceWithinRetryAfterBackoffAndQuota() {
    sandbox.fedex().faults().seed(8).hangRate(0.05, FEDEX_CALL_TIMEOUT.plusSeconds(1)).serverErrorRate(0.30)
        .throttleRate(0.10, 1);
    // USPS gives up on an attempt after 10 s.
    sandbox.usps().faults().hangRate(0.05).hangFor(Duration.ofSeconds(11)).serviceUnavailableRate(0.30)
        .tooManyRequestsRate(0.10).retryAfterSeconds(1);
    Instant started = Instant.now();
    ShipmentLoad load =
        new ShipmentLoad(() -> service.server().port(), sandbox.apiKey(), Duration.ofMillis(50), 50_000)
            .limitedTo(SHIPMENTS);
    try {
      load.start();
      await().atMost(Duration.ofMinutes(2)).until(() -> load.attempts() >= SHIPMENTS);
    } finally {
      load.close();
    }
    Guarantees.awaitSettled(database, orderManagement, Duration.ofMinutes(FaultSizes.pick(4, 30)));
    Duration settled = Duration.between(started, Instant.now());
    sandbox.fedex().faults().reset();
    sandbox.usps().faults().reset();
    Guarantees.Outcome outcome = Guarantees.measure(sandbox, database, orderManagement, load.acknowledged());
    List<Call> fedex = sandbox.fedex().calls().calls();
    List<Call> usps = sandbox.usps().calls().calls();
    long faultsInjected = sandbox.fedex().counters().faultsInjected() + sandbox.usps().faults().injected();
    long earlyAfterRetryAfter = CarrierDiscipline.earlyAfterRetryAfter(fedex)
        + CarrierDiscipline.earlyAfterRetryAfter(usps);
    // RetryBackoff takes at most 20 % off the wait at random.
    long withoutBackoff = CarrierDiscipline.retriedWithoutBackoff(fedex, "ship", RETRY_INITIAL.multipliedBy(8)
        .dividedBy(10));
    int fedexShipWindow = CarrierDiscipline.busiestWindow(fedex, "ship", QUOTA_PERIOD);
    int fedexTrackWindow = CarrierDiscipline.busiestWindow(fedex, "track", QUOTA_PERIOD);
    int uspsLabelWindow = CarrierDiscipline.busiestWindow(usps, "labels", QUOTA_PERIOD);

    FaultReport report = new FaultReport("carriers at 30 % 5xx, 10 % 429, 5 % timeouts")
        .checked(SHIPMENTS + " shipments over FedEx and USPS while both fail as above")
        .checked("no call for the same purchase comes back before the Retry-After it was given")
        .checked("no FedEx purchase is retried sooner than the durable backoff after a 5xx")
        .checked("no " + QUOTA_PERIOD.toSeconds() + " s holds more calls than the quota of " + QUOTA
            + " (FedEx spaces them evenly: at most one more at a window's edge; USPS counts per window:"
            + " at most twice across two)")
        .figure("carrier calls", fedex.size() + usps.size())
        .figure("faults injected", faultsInjected)
        .figure("calls back before Retry-After", earlyAfterRetryAfter)
        .figure("FedEx purchases retried without backoff", withoutBackoff)
        .figure("busiest second: FedEx ship / FedEx track / USPS labels",
            fedexShipWindow + " / " + fedexTrackWindow + " / " + uspsLabelWindow)
        .figure("time until every shipment was labelled", settled);
    Guarantees.report(report, outcome);
    report.publish();

    Guarantees.assertHeld(outcome);
    assertThat(faultsInjected).isPositive();
    assertThat(earlyAfterRetryAfter).as("calls back before Retry-After").isZero();
    assertThat(withoutBackoff).as("FedEx purchases retried without backoff").isZero();
    assertThat(fedexShipWindow).isLessThanOrEqualTo(QUOTA + 1);
    assertThat(fedexTrackWindow).isLessThanOrEqualTo(QUOTA + 1);
    assertThat(uspsLabelWindow).isLessThanOrEqualTo(2 * QUOTA);
  }
}
