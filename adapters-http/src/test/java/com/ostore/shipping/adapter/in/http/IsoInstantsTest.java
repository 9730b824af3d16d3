package com.ostore.shipping.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {
  @Test
  void writesEveryInstantAsInstantToStringDoes() {
    Random random = new Random(11);
    long min = Instant.parse("0900-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 50_000; i++) {
      long second = min + (long) (random.nextDouble() * (max - min));
      int nano = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      Instant instant = Instant.ofEpochSecond(second, nano);
      assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
    }
  }

  @Test
  void theEdgesOfTheWrittenOutYearsAndFractions() {
    for (String text : new String[] {"1000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "0999-12-31T23:59:59Z",
        "+10000-01-01T00:00:00Z", "2026-11-30T12:00:00.100Z", "2026-11-30T12:00:00.000100Z",
        "2026-11-30T12:00:00.000000001Z", "2024-02-29T08:05:03.010Z"}) {
      Instant instant = Instant.parse(text);
      assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString()).isEqualTo(text);
    }
  }
}
