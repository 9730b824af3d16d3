package com.ostore.shipping.adapter.out.carrier.fedex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.domain.model.TimeStated;
import com.ostore.shipping.domain.model.TrackingEventType;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierScan;
import com.ostore.shipping.domain.port.out.TrackingReport;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class FedexTrackResponseMapperTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<TrackingReport> map(String sample, String... numbers) throws Exception {
    return FedexTrackResponseMapper.reports(JSON.readTree(CarrierSamples.fedex(sample)),
        List.of(numbers).stream().map(TrackingNumber::of).toList());
  }

  @Test
  void givenMixedFoundAndNotFound_whenMapped_thenFirstIsPickedUpAndSecondNotFound() throws Exception {
    List<TrackingReport> reports = map("fedex-track-v1-response-mixed-found-notfound.json", "123456789012", "39936862321");

    TrackingReport found = reports.get(0);
    assertThat(found.found()).isTrue();
    CarrierScan pickup = found.scans().get(0);
    assertThat(pickup.type()).isEqualTo(TrackingEventType.PICKED_UP);
    assertThat(pickup.occurredAt()).isEqualTo(OffsetDateTime.parse("2018-02-02T12:01:00-07:00"));
    assertThat(pickup.occurredAt().getOffset().getId()).isEqualTo("-07:00");
    assertThat(pickup.location()).isEqualTo("SEATTLE, WA, US");
    assertThat(pickup.rawCode()).isEqualTo("PU");
    assertThat(pickup.description()).isEqualTo("Picked Up");
    assertThat(pickup.details()).containsEntry("exceptionCode", "A25").containsEntry("derivedStatusCode", "PU");
    TrackingReport missing = reports.get(1);
    assertThat(missing.found()).isFalse();
    assertThat(missing.message()).contains("TRACKING.TRACKINGNUMBER.NOTFOUND", "cannot be found");
  }

  @Test
  void givenDuplicateTrackResults_whenMapped_thenTheResultWithTheNewestScanWins() throws Exception {
    TrackingReport report = map("fedex-track-v1-response-duplicate-trackresults-delivered.json", "776094337676").get(0);

    assertThat(report.scans()).hasSize(8);
    assertThat(report.scans()).extracting(CarrierScan::rawCode)
        .containsExactly("DL", "OD", "AO", "PU", "AF", "DE", "DE", "OD");
    assertThat(report.scans()).extracting(CarrierScan::type).containsExactly(
        TrackingEventType.DELIVERED, TrackingEventType.OUT_FOR_DELIVERY, TrackingEventType.IN_TRANSIT,
        TrackingEventType.PICKED_UP, TrackingEventType.IN_TRANSIT, TrackingEventType.EXCEPTION,
        TrackingEventType.EXCEPTION, TrackingEventType.OUT_FOR_DELIVERY);
    assertThat(report.scans().get(0).occurredAt()).isEqualTo(OffsetDateTime.parse("2024-04-26T09:26:00-07:00"));
    CarrierScan outForDelivery = report.scans().get(1);
    assertThat(outForDelivery.details()).containsEntry("derivedStatusCode", "IT")
        .containsEntry("trackingNumberUniqueId", "2460426000~776094337676~FX");
    assertThat(report.scans().get(5).details()).containsEntry("exceptionCode", "A47");
  }

  @Test
  void givenAScanWithoutOffset_whenMapped_thenItTakesItsNeighboursOffsetAndSaysSo() throws Exception {
    TrackingReport report = map("fedex-track-v1-response-inconsistent-datetime.json", "738488882438").get(0);

    assertThat(report.scans()).hasSize(17);
    CarrierScan delivered = report.scans().get(0);
    assertThat(delivered.type()).isEqualTo(TrackingEventType.DELIVERED);
    assertThat(delivered.occurredAt().toString()).isEqualTo("2024-08-20T12:41:57-04:00");
    assertThat(delivered.location()).isEqualTo("Blue Point, NY, US");
    CarrierScan departedIowa = report.scans().get(10);
    assertThat(departedIowa.occurredAt().toString()).isEqualTo("2024-08-16T07:35:16-05:00");
    CarrierScan created = report.scans().get(15);
    assertThat(created.type()).isEqualTo(TrackingEventType.LABEL_CREATED);
    assertThat(created.details()).containsEntry("derivedStatusCode", "IN");
    CarrierScan pickup = report.scans().get(16);
    assertThat(pickup.type()).isEqualTo(TrackingEventType.PICKED_UP);
    assertThat(pickup.occurredAt().toString()).isEqualTo("2024-08-15T00:00-05:00");
    assertThat(pickup.details()).containsEntry("offsetAssumed", "true");
    assertThat(pickup.stated()).as("only its local time identifies it").isEqualTo(TimeStated.LOCAL_TIME);
    assertThat(delivered.stated()).isEqualTo(TimeStated.INSTANT);
    assertThat(report.scans()).filteredOn(scan -> scan.rawCode().equals("AE"))
        .extracting(CarrierScan::type).containsExactly(TrackingEventType.IN_TRANSIT);
  }

  @Test
  void givenANumberFedExDidNotAnswer_whenMapped_thenItIsNotFound() throws Exception {
    TrackingReport report = map("fedex-track-v1-response-inconsistent-datetime.json", "111111111111").get(0);

    assertThat(report.found()).isFalse();
    assertThat(report.message()).contains("no result");
  }
}
