package com.ostore.shipping.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.ostore.shipping.domain.model.Shipment;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ApiShipmentRendererTest {
  private final ApiShipmentRenderer renderer = ApiShipmentRenderer.create();

  @Test
  void rendersExactlyTheAnswerOfTheApi() {
    CanonicalJson json = new CanonicalJson(JsonMapper.create());
    for (Shipment shipment : ApiShipmentRenderer.samples()) {
      assertThat(renderer.render(shipment)).isEqualTo(json.bytes(ShipmentResponse.from(shipment)));
    }
  }

  @Test
  void aShipmentRenderedAgainOnTheSameThread_isTheSameAnswer_andAnotherShipmentIsItsOwn() {
    Shipment first = ApiShipmentRenderer.samples().get(0);
    Shipment second = ApiShipmentRenderer.samples().get(1);
    ApiShipmentRenderer other = ApiShipmentRenderer.create();

    byte[] stored = renderer.render(first);

    assertThat(other.render(first)).as("the same format's second rendering of one object").isSameAs(stored);
    assertThat(renderer.render(second)).isEqualTo(new CanonicalJson(JsonMapper.create())
        .bytes(ShipmentResponse.from(second)));
    assertThat(renderer.render(first)).isNotSameAs(stored).isEqualTo(stored);
  }

  @Test
  void theFormatIsTheSameForEveryInstance_andChangesWithWhatTheApiWrites() {
    ObjectMapper indenting = JsonMapper.create().enable(SerializationFeature.INDENT_OUTPUT);

    assertThat(ApiShipmentRenderer.create().format()).isEqualTo(renderer.format()).startsWith("api-");
    assertThat(new ApiShipmentRenderer(new CanonicalJson(indenting)).format()).isNotEqualTo(renderer.format());
  }

  /** A field the samples leave out could change without the format noticing. */
  @Test
  void theSamplesTheFormatIsTakenFromSetEveryFieldOfTheAnswer() throws Exception {
    ObjectMapper mapper = JsonMapper.create();
    Set<String> written = new HashSet<>();
    for (Shipment shipment : ApiShipmentRenderer.samples()) {
      collectNames(mapper.readTree(renderer.render(shipment)), written);
    }

    Set<String> declared = new HashSet<>();
    Stream.of(ShipmentResponse.class, PackageResponse.class, RecipientResponse.class)
        .flatMap(type -> Stream.of(type.getRecordComponents()))
        .forEach(component -> declared.add(component.getAccessor().getAnnotation(JsonProperty.class).value()));
    assertThat(written).containsAll(declared);
  }

  private static void collectNames(JsonNode node, Set<String> names) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> {
        names.add(field.getKey());
        collectNames(field.getValue(), names);
      });
    } else if (node.isArray()) {
      node.forEach(element -> collectNames(element, names));
    }
  }
}
