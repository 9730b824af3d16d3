package com.ostore.shipping.adapter.out.carrier.fedex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.domain.model.TrackingEventType;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every code FedEx publishes for tracking events, and what it becomes: the Tracking Status Codes table
 * (Movement and Regulatory groups; Possession codes name who holds the package, never an event type)
 * and the webhook event list. The expectations are {@code fedex-scan-codes.csv}, one line per code.
 */
class FedexEventCodesTest {
  private static final String TABLE = "/fedex-scan-codes.csv";

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvFileSource(resources = TABLE, numLinesToSkip = 1)
  void everyPublishedFedExCodeMapsAsListed(String code, String meaning, TrackingEventType expected) {
    assertThat(FedexEventCodes.typeOf(code, meaning)).isEqualTo(expected);
  }

  @Test
  void theListCoversEveryEventCodeInFedExsTables() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Set<String> published = new TreeSet<>();
    for (JsonNode entry : json.readTree(CarrierSamples.fedex("reference/fedex-tracking-status-codes.json")).path("codes")) {
      if (!entry.path("group").asText().equals("Possession")) {
        published.add(entry.path("code").asText().toUpperCase(Locale.ROOT));
      }
    }
    json.readTree(CarrierSamples.fedex("reference/fedex-webhook-tracking-event-codes.json")).path("groups")
        .forEach(group -> group.forEach(entry -> published.add(entry.path("code").asText().toUpperCase(Locale.ROOT))));

    assertThat(listedCodes()).containsAll(published);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"ow,IN_TRANSIT", "' dl ',DELIVERED", "PY,UNKNOWN", "I0,UNKNOWN", "ZZ,UNKNOWN", "'',UNKNOWN"})
  void codesAreReadWithoutCaseAndAnythingUnpublishedStaysUnknown(String code, TrackingEventType expected) {
    assertThat(FedexEventCodes.typeOf(code, "test")).isEqualTo(expected);
  }

  @Test
  void theThreeDelayCodesAreExceptionsMarkedAsDelays() {
    assertThat(Stream.of("DD", "PD", "DY").map(code -> FedexEventCodes.typeOf(code, "delay")))
        .containsOnly(TrackingEventType.EXCEPTION);
    assertThat(Stream.of("DD", "PD", "DY")).allMatch(FedexEventCodes::isDelay);
    assertThat(FedexEventCodes.isDelay("DE")).isFalse();
  }

  private static Set<String> listedCodes() throws Exception {
    String csv = new String(FedexEventCodesTest.class.getResourceAsStream(TABLE).readAllBytes());
    return csv.lines().skip(1).map(line -> line.split(",")[0].strip()).collect(Collectors.toCollection(TreeSet::new));
  }
}
