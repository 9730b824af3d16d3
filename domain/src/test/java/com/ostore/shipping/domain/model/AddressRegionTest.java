package com.ostore.shipping.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AddressRegionTest {
  /** The expression the state and postal code were read with before; the hand-written reader must agree. */
  private static final Pattern BEFORE =
      Pattern.compile("(?<state>[A-Za-z][A-Za-z .]*?)\\s+(?<postal>[A-Za-z0-9]*\\d[A-Za-z0-9]*(?:[ -][A-Za-z0-9]+)?)");
  private static final String ALPHABET = "NYny 10118-.A9\tZé\u00a0";

  @Test
  void readsStateAndPostalCodeTheShortestStateFirst() {
    assertThat(ShippingAddress.region("NY 10118")).containsExactly("NY", "10118");
    assertThat(ShippingAddress.region("New York 10118-1234")).containsExactly("New York", "10118-1234");
    assertThat(ShippingAddress.region("ON K1A 0B1")).containsExactly("ON", "K1A 0B1");
    assertThat(ShippingAddress.region("NY ABC 123")).containsExactly("NY ABC", "123");
    assertThat(ShippingAddress.region("New York")).isNull();
    assertThat(ShippingAddress.region("10118")).isNull();
    assertThat(ShippingAddress.region("")).isNull();
  }

  @Test
  void agreesWithTheExpressionOnManyRandomParts() {
    Random random = new Random(11);
    for (int i = 0; i < 100_000; i++) {
      StringBuilder part = new StringBuilder(i % 3 == 0 ? "NY " : "");
      int length = random.nextInt(10);
      for (int j = 0; j < length; j++) {
        part.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String text = part.toString();
      Matcher m = BEFORE.matcher(text);
      String[] expected = m.matches() ? new String[] {m.group("state"), m.group("postal")} : null;
      assertThat(ShippingAddress.region(text)).as("[%s]", text).isEqualTo(expected);
    }
  }
}
