package com.ostore.shipping.sandbox.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The request examples each carrier publishes for the operations we call pass their own schema. */
class PublishedExamplesTest {
  private static final CarrierContracts CONTRACTS = CarrierContracts.published();

  static Stream<Arguments> examples() {
    return Stream.of(
            new String[] {"USPS", "post-token"}, new String[] {"USPS", "post-payments-payment-authorization"},
            new String[] {"USPS", "post-label"}, new String[] {"FEDEX", "API Authorization"})
        .flatMap(id -> examplesOf(CONTRACTS.operation(Carrier.valueOf(id[0]), id[1])));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("examples")
  void givenPublishedRequestExample_check_findsNothing(String operationId, String mediaType, String name, JsonNode example) {
    ContractOperation operation = CONTRACTS.operation(name.startsWith("FEDEX") ? Carrier.FEDEX : Carrier.USPS, operationId);

    var violations = mediaType.equals(CarrierContracts.FORM)
        ? CONTRACTS.checkForm(operation.contract().carrier(), operationId, asForm(example))
        : CONTRACTS.checkJson(operation.contract().carrier(), operationId, example.toString());

    assertThat(violations).isEmpty();
  }

  private static Stream<Arguments> examplesOf(ContractOperation operation) {
    JsonNode document = read(operation.contract());
    Stream.Builder<Arguments> found = Stream.builder();
    for (String mediaType : operation.requestMediaTypes()) {
      JsonNode content = document.at(operation.requestSchemaPointer(mediaType).replaceAll("/schema$", ""));
      content.path("examples").properties().forEach(example -> {
        JsonNode value = example.getValue().has("$ref")
            ? document.at(example.getValue().get("$ref").asString().substring(1)) : example.getValue();
        found.add(Arguments.of(operation.operationId(), mediaType,
            operation.contract().name() + " " + example.getKey(), value.path("value")));
      });
    }
    return found.build();
  }

  /** FedEx gives form examples as objects, USPS as the encoded text ("grant_type=... &client_id=..."). */
  private static Map<String, String> asForm(JsonNode example) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (example.isString()) {
      for (String pair : example.asString().split("&")) {
        String[] nameValue = pair.strip().split("=", 2);
        fields.put(nameValue[0], URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
      }
    } else {
      example.properties().forEach(field -> fields.put(field.getKey(), field.getValue().asString()));
    }
    return fields;
  }

  private static JsonNode read(PublishedContract contract) {
    ObjectMapper mapper = contract.resource().endsWith(".yaml") ? YAMLMapper.builder().build() : JsonMapper.builder().build();
    try (InputStream in = PublishedExamplesTest.class.getClassLoader().getResourceAsStream(contract.resource())) {
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
