package com.ostore.shipping.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DimensionsTextTest {
  /** The expression the text form was read with before; the hand-written reader must agree with it. */
  private static final Pattern BEFORE =
      Pattern.compile("\\s*([0-9.]+)\\s*x\\s*([0-9.]+)\\s*x\\s*([0-9.]+)\\s*(in|cm)\\s*", Pattern.CASE_INSENSITIVE);
  private static final String ALPHABET = "0123456789.xX incmINCM\t\n\u000b\f\r\u00a0\u2003-e,";

  @Test
  void readsTheStoredFormsAndRefusesOthers() {
    assertThat(Dimensions.parse("12x8x4 in").toText()).isEqualTo("12x8x4 in");
    assertThat(Dimensions.parse(" 12.5 X 8\tx 4.25 CM \n").toText()).isEqualTo("12.5x8x4.25 cm");
    for (String bad : new String[] {"", "12x8 in", "12x8x4", "12x8x4 mm", "12x8x4 inch", "1.2.3x1x1 in", "x8x4 in",
        "12x8x4\u00a0in"}) {
      assertThatThrownBy(() -> Dimensions.parse(bad)).as(bad).isInstanceOf(ValidationException.class);
    }
    assertThatThrownBy(() -> Dimensions.parse(null)).isInstanceOf(ValidationException.class);
  }

  @Test
  void agreesWithTheExpressionOnManyRandomTexts() {
    Random random = new Random(11);
    for (int i = 0; i < 50_000; i++) {
      String text = i % 2 == 0 ? random(random, 14) : mutated(random);
      assertThat(outcome(() -> Dimensions.parse(text).toText())).as("[%s]", text).isEqualTo(expected(text));
    }
  }

  private static String random(Random random, int max) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(max);
    for (int j = 0; j < length; j++) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }

  /** A well-formed text with one character replaced, inserted or removed. */
  private static String mutated(Random random) {
    StringBuilder text = new StringBuilder(" " + (1 + random.nextInt(99)) + "x" + (1 + random.nextInt(99)) + " x"
        + (1 + random.nextInt(9)) + "." + random.nextInt(10) + (random.nextBoolean() ? " in" : "CM "));
    int at = random.nextInt(text.length());
    switch (random.nextInt(4)) {
      case 0 -> text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      case 1 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      case 2 -> text.deleteCharAt(at);
      default -> { }
    }
    return text.toString();
  }

  /** What parsing {@code text} gave before: the dimensions' text form, or the refusal. */
  private static String expected(String text) {
    Matcher m = BEFORE.matcher(text);
    if (!m.matches()) {
      return "refused";
    }
    return outcome(() -> new Dimensions(new java.math.BigDecimal(m.group(1)), new java.math.BigDecimal(m.group(2)),
        new java.math.BigDecimal(m.group(3)), LengthUnit.fromWireName(m.group(4))).toText());
  }

  private static String outcome(java.util.function.Supplier<String> parse) {
    try {
      return parse.get();
    } catch (ValidationException | NumberFormatException e) {
      return "refused";
    }
  }
}
