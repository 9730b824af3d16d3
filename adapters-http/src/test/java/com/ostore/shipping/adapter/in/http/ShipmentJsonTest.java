package com.ostore.shipping.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShipmentJsonTest {
  private final ObjectMapper mapper = JsonMapper.create();
  private final CanonicalJson json = new CanonicalJson(mapper);

  @Test
  void writesTheSameBytesAsJacksonsBeanSerializerForEveryShapeOfShipment() throws Exception {
    Random random = new Random(11);
    for (int i = 0; i < 2_000; i++) {
      ShipmentResponse shipment = shipment(random);
      String expected = mapper.writerFor(ShipmentResponse.class).writeValueAsString(shipment);

      assertThat(new String(json.bytes(shipment), StandardCharsets.UTF_8)).isEqualTo(expected);
      assertThat(json.write(shipment)).isEqualTo(expected);
    }
  }

  private static ShipmentResponse shipment(Random random) {
    List<PackageResponse> packages = new ArrayList<>();
    for (int p = random.nextInt(4); p > 0; p--) {
      packages.add(new PackageResponse(random.nextLong(1, Long.MAX_VALUE), maybe(random, "label_created"),
          maybe(random, "9400 1000 0000 \"0000\""), random.nextBoolean() ? null : weight(random), maybe(random, "lb"),
          maybe(random, "12x8x4.5 in"), maybe(random, "/packages/7/label"), maybe(random, "/packages/7/events")));
    }
    RecipientResponse recipient = random.nextBoolean() ? null : new RecipientResponse(maybe(random, "Zoë O'Brien"),
        maybe(random, "ACME \\ Co"), maybe(random, "+12125550100"), maybe(random, "zoe@example.com"));
    return new ShipmentResponse(random.nextLong(1, Long.MAX_VALUE), random.nextLong(1, Long.MAX_VALUE),
        maybe(random, "350 Fifth Avenue, New York, NY 10118, US \u2028 \u0001"), maybe(random, "pending"), recipient,
        maybe(random, "usps"), maybe(random, "PRIORITY"), maybe(random, "Address Not Found.\n<script>"),
        maybe(random, "2026-11-30T12:00:00.123Z"), maybe(random, "2026-11-30T12:00:01Z"),
        random.nextInt(10) == 0 ? null : packages);
  }

  private static BigDecimal weight(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> new BigDecimal("2.50");
      case 1 -> new BigDecimal("1E+2");
      case 2 -> BigDecimal.valueOf(random.nextInt(15_000), 2);
      default -> new BigDecimal("0.000001");
    };
  }

  private static String maybe(Random random, String text) {
    return random.nextInt(5) == 0 ? null : text;
  }
}
