package com.ostore.shipping.adapter.in.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokenTest {
  /** The expression the filter used before; the hand-written reader must accept exactly what it did. */
  private static final Pattern BEFORE = Pattern.compile("(?i)Bearer ([A-Za-z0-9\\-._~+/]{1,4096}=*)");
  private static final String ALPHABET = "Bbearer AZaz09-._~+/=\t:,;\"é\u0130\u212a";

  @ParameterizedTest
  @ValueSource(strings = {"Bearer abc", "bearer abc", "BEARER a.b.c", "Bearer ostk_A-b_c~d+e/f==", "Bearer ",
      "Bearer", "Bearer  abc", "Bearer abc def", "Bearer ===", "Bearer a=b", "Basic abc", "Bearerabc", "Bearer é",
      "Bearer\tabc", "Bearer abc\n", "Bearer a="})
  void acceptsWhatTheExpressionAccepted(String header) {
    assertThat(BearerToken.of(header)).isEqualTo(expected(header));
  }

  @Test
  void theTokenIsBoundedAt4096CharactersBeforeItsPadding() {
    String longest = "Bearer " + "a".repeat(BearerToken.MAX_TOKEN) + "==";
    String tooLong = "Bearer " + "a".repeat(BearerToken.MAX_TOKEN + 1);

    assertThat(BearerToken.of(longest)).isEqualTo("a".repeat(BearerToken.MAX_TOKEN) + "==");
    assertThat(BearerToken.of(tooLong)).isNull();
    assertThat(expected(tooLong)).isNull();
  }

  @Test
  void agreesWithTheExpressionOnManyRandomHeaders() {
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "");
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        header.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      assertThat(BearerToken.of(header.toString())).as(header.toString()).isEqualTo(expected(header.toString()));
    }
  }

  private static String expected(String header) {
    Matcher matcher = BEFORE.matcher(header);
    return matcher.matches() ? matcher.group(1) : null;
  }
}
