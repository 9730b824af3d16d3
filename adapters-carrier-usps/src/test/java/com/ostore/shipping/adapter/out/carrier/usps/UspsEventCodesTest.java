package com.ostore.shipping.adapter.out.carrier.usps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.domain.model.TrackingEventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every USPS scan event code of Publication 199 Appendix G-4 and of the recorded real response, and what
 * it becomes ({@code usps-event-codes.csv}, one line per code). Codes only third parties list stay
 * unknown until a recorded payload confirms them.
 */
class UspsEventCodesTest {
  private static final String TABLE = "/usps-event-codes.csv";
  private final UspsEventCodes codes = new UspsEventCodes();

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvFileSource(resources = TABLE, numLinesToSkip = 1)
  void everyPublishedUspsCodeMapsAsListed(String code, String meaning, TrackingEventType expected) {
    assertThat(codes.typeOf(code, meaning)).isEqualTo(expected);
  }

  @Test
  void theListCoversEveryCodeOfPublication199AndTheRecordedResponse() throws IOException {
    JsonNode table = new ObjectMapper().readTree(UspsTestData.sample("reference/usps-tracking-event-codes.json"));
    Set<String> published = new TreeSet<>();
    table.path("codes").fieldNames().forEachRemaining(published::add);
    table.path("observed_in_real_response").forEach(entry -> published.add(entry.path("eventCode").asText()));

    assertThat(listedCodes()).containsAll(published);
  }

  @ParameterizedTest
  @ValueSource(strings = {"I0", "BR", "DN", "AH", "DL", "OK", "60", "CA", "CM", "H0", "NH", "RD", "RE", "BA", "K4", "RT",
      "59", "DG", ""})
  void codesOnlyThirdPartiesListStayUnknown(String code) {
    assertThat(codes.typeOf(code, "third party")).isEqualTo(TrackingEventType.UNKNOWN);
  }

  private static Set<String> listedCodes() throws IOException {
    String csv = new String(UspsEventCodesTest.class.getResourceAsStream(TABLE).readAllBytes(), StandardCharsets.UTF_8);
    return csv.lines().skip(1).map(line -> line.split(",")[0].strip()).collect(Collectors.toCollection(TreeSet::new));
  }
}
