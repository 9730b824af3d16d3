package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.ostore.shipping.domain.model.Text;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The shape limits every request body meets before a tree is built from it: how deep it nests, how
 * long names and numbers are, and what a number may look like. A number is checked on its text, so an
 * exponent such as {@code 1e-1000000} is refused before any {@code BigDecimal} exists for it.
 */
final class JsonLimits {
  static final int MAX_DEPTH = 16;
  static final int MAX_NAME_LENGTH = 64;
  static final int MAX_NUMBER_LENGTH = 40;
  static final int MAX_TOKENS = 5_000;

  /** Up to 18 integer digits, up to 6 decimals, an exponent of at most two digits. */
  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,6})?([eE][+-]?[0-9]{1,2})?");

  private JsonLimits() {}

  static StreamReadConstraints constraints() {
    return StreamReadConstraints.builder()
        .maxNestingDepth(MAX_DEPTH)
        .maxNameLength(MAX_NAME_LENGTH)
        .maxNumberLength(MAX_NUMBER_LENGTH)
        .maxTokenCount(MAX_TOKENS)
        .build();
  }

  /**
   * {@code parser}, checking each number as its token is read, before anyone can ask for its value: a tree
   * built from it has met the limits, and the body is parsed once.
   *
   * @return a parser that throws {@link HttpProblem} at a number outside {@link #NUMBER}
   */
  static JsonParser checked(JsonParser parser) {
    return new JsonParserDelegate(parser) {
      @Override
      public JsonToken nextToken() throws IOException {
        JsonToken token = super.nextToken();
        if (token != null && token.isNumeric()) {
          check(this);
        }
        return token;
      }

      @Override
      public JsonToken nextValue() throws IOException {
        JsonToken token = super.nextValue();
        if (token != null && token.isNumeric()) {
          check(this);
        }
        return token;
      }
    };
  }

  private static void check(JsonParser parser) throws IOException {
    if (!NUMBER.matcher(parser.getText()).matches()) {
      throw new HttpProblem(400, where(parser) + " is not a number this API accepts: at most 18 digits before"
          + " the decimal point, 6 after it and a two-digit exponent");
    }
  }

  private static String where(JsonParser parser) {
    String path = parser.getParsingContext().pathAsPointer().toString();
    if (path.isEmpty()) {
      return "the body";
    }
    // "/packages/0/weight" reads as the field paths the other messages use: "packages[0].weight".
    return Text.quoted(path.substring(1).replaceAll("/([0-9]+)(?=/|$)", "[$1]").replace('/', '.'), 80);
  }
}
