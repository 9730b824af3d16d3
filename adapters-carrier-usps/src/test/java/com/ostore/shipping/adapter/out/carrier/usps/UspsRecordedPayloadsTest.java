package com.ostore.shipping.adapter.out.carrier.usps;

import static com.ostore.shipping.adapter.out.carrier.usps.FakeUsps.json;
import static com.ostore.shipping.domain.model.TrackingEventType.DELIVERED;
import static com.ostore.shipping.domain.model.TrackingEventType.IN_TRANSIT;
import static com.ostore.shipping.domain.model.TrackingEventType.LABEL_CREATED;
import static com.ostore.shipping.domain.model.TrackingEventType.OUT_FOR_DELIVERY;
import static com.ostore.shipping.domain.model.TrackingEventType.PICKED_UP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierAccountException;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.CarrierScan;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import com.ostore.shipping.domain.port.out.TrackingReport;
import com.ostore.shipping.domain.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UspsRecordedPayloadsTest {
  private final ObjectMapper json = new ObjectMapper();
  private final UspsTrackResponseMapper details =
      new UspsTrackResponseMapper(new UspsEventCodes(), new UspsScanTimes(ZoneId.of("America/New_York")));
  private final MockWebServer server = new MockWebServer();
  private final FakeUsps usps = new FakeUsps();
  private UspsCarrierGateway gateway;

  @BeforeEach
  void startServer() throws Exception {
    server.setDispatcher(usps);
    server.start();
    gateway = new UspsCarrierGateway(UspsTestData.config(server.url("/").toString(), MutableClock.at("2026-01-05T09:00:00Z")));
  }

  @AfterEach
  void stopServer() throws Exception {
    gateway.close();
    server.close();
  }

  @Test
  void theRealParcelLockerResponseYieldsEveryScanByEventCodeWithTheCarriersOffset() throws Exception {
    TrackingReport report = report("usps-tracking-v3-response-delivered-parcel-locker.json");

    assertThat(report.scans()).extracting(CarrierScan::rawCode)
        .containsExactly("01", "OF", "07", "A1", "TL", "TL", "TL", "T1", "10", "SF", "03", "GX");
    assertThat(report.scans()).extracting(CarrierScan::type).containsExactly(DELIVERED, OUT_FOR_DELIVERY, IN_TRANSIT,
        IN_TRANSIT, IN_TRANSIT, IN_TRANSIT, IN_TRANSIT, IN_TRANSIT, IN_TRANSIT, IN_TRANSIT, PICKED_UP, LABEL_CREATED);
    CarrierScan delivered = report.scans().get(0);
    assertThat(delivered.occurredAt()).isEqualTo(OffsetDateTime.parse("2024-11-22T13:58:40-05:00"));
    assertThat(delivered.occurredAt().getOffset().getId()).isEqualTo("-05:00");
    assertThat(delivered.location()).isEqualTo("HERNANDO, FL 34442");
    assertThat(delivered.description()).isEqualTo("Delivered, Parcel Locker");
    assertThat(report.scans().get(11).occurredAt()).isEqualTo(OffsetDateTime.parse("2024-11-15T11:32:33-05:00"));
    assertThat(report.scans().get(3).location()).isEqualTo("JACKSONVILLE FL DISTRIBUTION CENTER");
    assertThat(report.scans().get(4).location()).isNull();
  }

  @Test
  void uspsReadmeDetailWithOnlyALocalTimeIsPlacedInTheZoneOfTheScansState() throws Exception {
    TrackingReport report = report("tracking/usps-tracking-v3-detail-response.usps-readme.json");

    CarrierScan accepted = report.scans().get(0);
    assertThat(accepted.type()).isEqualTo(PICKED_UP);
    // The summary says "7:31 am ... RICHMOND, VA": local Eastern daylight time, not UTC despite the "Z".
    assertThat(accepted.occurredAt()).isEqualTo(OffsetDateTime.parse("2023-08-02T07:31:00-04:00"));
    assertThat(accepted.details()).containsEntry("offsetInferred", "true");
  }

  @Test
  void summaryResponseWithoutEventsIsFoundWithoutScans() throws Exception {
    assertThat(report("tracking/usps-tracking-v3-summary-response.usps-readme.json").scans()).isEmpty();
  }

  @Test
  void bothRecordedMultipartLabelResponsesParseToTheirTrackingNumberAndAPdf() {
    UspsLabelResponseMapper responses = new UspsLabelResponseMapper(json);
    String[][] cases = {
        {"labels/usps-labels-v3-label-response.multipart.txt", "9234690361980900000142"},
        {"labels/usps-labels-v3-label-response-sample2.multipart.txt", "9234690361980900000265"},
        {"labels/usps-labels-v3-return-label-response.multipart.txt", "9234690361980900000142"}};
    for (String[] sample : cases) {
      // Recorded without headers: the boundary comes from the body's first line.
      UspsLabelResponseMapper.Parsed parsed = responses.parse("multipart/form-data", UspsTestData.sample(sample[0]));
      assertThat(parsed.trackingNumber()).isEqualTo(sample[1]);
      assertThat(new String(parsed.image(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }
  }

  @Test
  void theJsonLabelVariantParsesToo() {
    UspsLabelResponseMapper.Parsed parsed = new UspsLabelResponseMapper(json).parse("application/vnd.usps.labels+json",
        UspsTestData.sample("labels/usps-labels-v3-label-response-json-embedded-images.spec-example.json"));
    assertThat(parsed.trackingNumber()).isEqualTo("123456789012");
    assertThat(parsed.image()).isNotEmpty();
  }

  @Test
  void theRecordedOAuthFailureIsAnAccountProblemWithUspsWordsAndIsNotRetried() {
    usps.enqueue("/oauth2/v3/token", json(401, text("usps-oauth2-v3-auth-error-response.json")));

    assertThatExceptionOfType(CarrierAccountException.class)
        .isThrownBy(() -> gateway.track(List.of(TrackingNumber.of("9400109104250532908587"))))
        .withMessageContaining("invalid_client: Client authentication failed.")
        .satisfies(e -> assertThat(e.causeKey()).isEqualTo("usps:credentials"));
    assertThat(usps.tokenCalls).hasValue(1);
  }

  @Test
  void theRealQuotaErrorIsUnavailableWithItsRetryAfter() {
    usps.enqueue("/tracking/v3r2/tracking",
        json(429, text("errors/usps-http429-quota-exceeded.real.json")).setHeader("Retry-After", "1800"));

    assertThatExceptionOfType(CarrierUnavailableException.class)
        .isThrownBy(() -> gateway.track(List.of(TrackingNumber.of("9400109104250532908587"))))
        .withMessageContaining("Quota limit exceeded")
        .satisfies(e -> assertThat(e.retryAfter()).contains(Duration.ofMinutes(30)));
  }

  @Test
  void theRecordedLabelBadRequestIsARejectionWithUspsDetail() {
    usps.enqueue("/labels/v3/label/9234690361980900000142",
        json(400, text("labels/usps-labels-v3-cancel-label-http400-not-found.spec-example.json")));

    assertThatExceptionOfType(CarrierRejectedException.class)
        .isThrownBy(() -> gateway.cancel(TrackingNumber.of("9234690361980900000142")))
        .withMessageContaining("Order not found");
  }

  @Test
  void recordedCancelAnswersCanceledAndDisputedAreBothSuccess() {
    usps.enqueue("/labels/v3/label/9234690361980900000142",
        json(200, text("labels/usps-labels-v3-cancel-label-response.json")),
        json(200, text("labels/usps-labels-v3-cancel-label-response-disputed.spec-example.json")));

    gateway.cancel(TrackingNumber.of("9234690361980900000142"));
    gateway.cancel(TrackingNumber.of("9234690361980900000142"));

    assertThat(usps.requestsTo("/labels/v3/label/9234690361980900000142")).hasSize(2);
  }

  private TrackingReport report(String sample) throws Exception {
    return details.report(TrackingNumber.of("9400109104250532908587"), json.readTree(UspsTestData.sample(sample)));
  }

  private static String text(String sample) {
    return new String(UspsTestData.sample(sample), StandardCharsets.UTF_8);
  }
}
