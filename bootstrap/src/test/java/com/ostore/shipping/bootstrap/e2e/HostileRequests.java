package com.ostore.shipping.bootstrap.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded generators of malformed requests, one family per kind of mistake an API meets: wrong types,
 * numbers too large, too small or too precise, deep nesting, long and odd unicode, duplicate keys,
 * missing fields, bad ids, wrong media types and methods. The same seed yields the same requests.
 */
final class HostileRequests {
  /** What to send; {@code valid} requests must succeed, the others must be refused with a 4xx. */
  record Call(String method, String path, String contentType, String body, boolean valid, String why) {
    @Override
    public String toString() {
      String shown = body == null ? "" : body.length() > 160 ? body.substring(0, 160) + "..." : body;
      return why + ": " + method + " " + (path.length() > 120 ? path.substring(0, 120) + "..." : path)
          + (contentType == null ? "" : " [" + contentType + "]") + " " + shown;
    }
  }

  static final String JSON = "application/json";
  private static final String ADDRESS = "\"350 Fifth Avenue, New York, NY 10118, US\"";
  private static final String[] ODD_BUT_FINE = {"Zoë", "Straße", "東京都", "🚚📦", "Ñandú", "e\u0301", "O'Brien & Sons",
      "Åsa", "\u05e9\u05dc\u05d5\u05dd", "a\u200dz"};
  private static final String[] FORBIDDEN = {"\\u0000", "\\u0007", "\\u001b[31m", "\\u202e", "\\ud800", "\\udfff",
      "\\u2066", "\\u007f", "\\u0085", "\\r\\n"};
  private static final String[] BAD_NUMBERS = {"1e-1000000", "1E+400", "1e999999999", "99999999999999999999999",
      "0.000000001", "2.125", "1e-3", "-1", "-0", "0", "151", "1e10", "5e-324", "1.7976931348623157e308",
      "2.00000000000000000000000001", "123456789012345678901234567890.5"};
  private static final String[] NOT_NUMBERS = {"\"2\"", "true", "null", "[]", "{}", "NaN", "Infinity", "0x10",
      "+1", ".5", "1.", "01"};

  private final Random random;

  HostileRequests(long seed) {
    this.random = new Random(seed);
  }

  /** A valid create body whose order id is {@code orderId}; odd but legal unicode now and then. */
  String validCreate(long orderId) {
    String address = random.nextInt(3) == 0
        ? "{\"streetLines\": [\"1 " + pick(ODD_BUT_FINE) + " Way\"], \"city\": \"" + pick(ODD_BUT_FINE)
            + "\", \"stateOrProvince\": \"NY\", \"postalCode\": \"10118\", \"country\": \"US\"}"
        : ADDRESS;
    String packages = random.nextBoolean() ? "" : ", \"packages\": [{\"weight\": " + (1 + random.nextInt(60)) + "."
        + random.nextInt(10) + random.nextInt(10) + ", \"dimensions\": {\"length\": 12.5, \"width\": 8, \"height\": 4}}]";
    String service = random.nextBoolean() ? "" : ", \"serviceType\": \"" + pick(new String[] {"FEDEX_GROUND",
        "priority_overnight", "FEDEX_2_DAY"}) + "\"";
    return "{\"orderID\": " + orderId + ", \"shippingAddress\": " + address + ", \"carrier\": \"fedex\"" + service
        + packages + "}";
  }

  /** {@code count} create calls, about one in ten valid, the rest each broken in one way. */
  List<Call> creates(int count, long firstOrderId) {
    List<Function<String, String>> breakers = List.of(
        this::wrongType, this::badNumber, this::deepNesting, this::longString, this::forbiddenCharacter,
        this::duplicateKey, this::missingField, this::unknownField, this::malformedJson, this::badEnum,
        this::tooManyPackages, this::badPackage);
    List<Call> calls = new ArrayList<>();
    long order = firstOrderId;
    for (int i = 0; i < count; i++) {
      String valid = validCreate(order++);
      if (i % 10 == 0) {
        calls.add(new Call("POST", "/shipments", JSON, valid, true, "valid"));
      } else if (i % 10 == 1) {
        calls.add(new Call("POST", "/shipments", pick(new String[] {"text/plain", "application/xml", null,
            "application/json; charset=iso-8859-1", "multipart/form-data", "application/x-www-form-urlencoded",
            "application/jsonx", "*/*"}), valid, false, "wrong media type"));
      } else {
        Function<String, String> breaker = breakers.get(random.nextInt(breakers.size()));
        calls.add(new Call("POST", "/shipments", JSON, breaker.apply(valid), false, "broken body"));
      }
    }
    return calls;
  }

  /** Reads (or, for cancel, posts) of one id route: bad ids, bad paging, wrong methods, and valid ids. */
  List<Call> idRoute(int count, String method, String template, List<Long> goodIds, boolean paged) {
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (i % 10 == 0) {
        String query = paged ? "?limit=" + (1 + random.nextInt(100)) : "";
        calls.add(new Call(method, template.replace("{id}", Long.toString(pick(goodIds))) + query, null, null, true,
            "valid"));
      } else if (i % 10 == 1) {
        String other = method.equals("GET") ? pick(new String[] {"PUT", "DELETE", "PATCH"}) : "DELETE";
        calls.add(new Call(other, template.replace("{id}", Long.toString(pick(goodIds))), JSON, "{}", false,
            "wrong method"));
      } else if (paged && i % 10 == 2) {
        calls.add(new Call(method, template.replace("{id}", Long.toString(pick(goodIds))) + badPaging(), null, null,
            false, "bad paging"));
      } else {
        calls.add(new Call(method, template.replace("{id}", badId()), null, null, false, "bad id"));
      }
    }
    return calls;
  }

  /** Operational routes: always answer, whatever the query, headers or body; wrong methods are refused. */
  List<Call> fixedRoute(int count, String path) {
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (i % 2 == 0) {
        calls.add(new Call("GET", path + (random.nextBoolean() ? "" : "?x=" + percent(oddText(40))), null, null, true,
            "valid"));
      } else {
        calls.add(new Call(pick(new String[] {"POST", "PUT", "DELETE", "PATCH"}), path, pick(new String[] {JSON,
            "text/plain", null}), randomJsonish(), false, "wrong method"));
      }
    }
    return calls;
  }

  private String wrongType(String body) {
    String field = pick(new String[] {"orderID", "shippingAddress", "carrier", "serviceType", "packages",
        "shipmentStatus"});
    String value = pick(new String[] {"\"12\"", "true", "[1, 2]", "{\"a\": 1}", "12.5", "-3", "[]", "\"\""});
    if (field.equals("shippingAddress") && value.equals("\"12\"")) {
      value = "12";
    }
    if (field.equals("orderID") && value.equals("-3")) {
      value = "\"abc\"";
    }
    if (field.equals("packages") && value.equals("[]")) {
      value = "{\"a\": 1}";
    }
    return replaceField(body, field, value);
  }

  private String badNumber(String body) {
    String number = random.nextInt(4) == 0 ? pick(NOT_NUMBERS) : pick(BAD_NUMBERS);
    return switch (random.nextInt(3)) {
      case 0 -> replaceField(body, "orderID", number.equals("-0") || number.equals("0") ? number : number + "0.5");
      case 1 -> withPackages(body, "[{\"weight\": " + number + "}]");
      default -> withPackages(body, "[{\"weight\": 2, \"dimensions\": {\"length\": " + number
          + ", \"width\": 1, \"height\": 1}}]");
    };
  }

  private String deepNesting(String body) {
    int depth = 17 + random.nextInt(400);
    String open = random.nextBoolean() ? "[".repeat(depth) : "{\"a\":".repeat(depth);
    String close = open.startsWith("[") ? "]".repeat(depth) : "}".repeat(depth);
    return body.substring(0, body.length() - 1) + ", \"deep\": " + open + "1" + close + "}";
  }

  private String longString(String body) {
    String text = "x".repeat(501 + random.nextInt(3000));
    return replaceField(body, pick(new String[] {"serviceType", "shippingAddress", "carrier", "shipmentStatus"}),
        "\"" + (random.nextBoolean() ? text : "1 Main St, " + text + ", US") + "\"");
  }

  private String forbiddenCharacter(String body) {
    String bad = pick(FORBIDDEN);
    return switch (random.nextInt(4)) {
      case 0 -> replaceField(body, "serviceType", "\"FEDEX" + bad + "_GROUND\"");
      case 1 -> replaceField(body, "shippingAddress", "\"1 Main St" + bad + ", Springfield, US\"");
      case 2 -> replaceField(body, "shippingAddress", "{\"streetLines\": [\"1 Main" + bad + "\"], \"city\": \"X\","
          + " \"country\": \"US\"}");
      default -> replaceField(body, "shipmentStatus", "\"pend" + bad + "ing\"");
    };
  }

  private String duplicateKey(String body) {
    String field = pick(new String[] {"orderID", "carrier", "shippingAddress"});
    String value = field.equals("orderID") ? "7" : field.equals("carrier") ? "\"usps\"" : ADDRESS;
    return body.substring(0, body.length() - 1) + ", \"" + field + "\": " + value + "}";
  }

  private String missingField(String body) {
    return removeField(body, random.nextBoolean() ? "orderID" : "shippingAddress");
  }

  private String unknownField(String body) {
    String name = pick(new String[] {"shipingAddress", "orderId", "__proto__", oddText(20), "n".repeat(65),
        "weight"});
    return body.substring(0, body.length() - 1) + ", \"" + name + "\": 1}";
  }

  private String malformedJson(String body) {
    return switch (random.nextInt(8)) {
      case 0 -> body.substring(0, random.nextInt(body.length() - 1));
      case 1 -> body + " {}";
      case 2 -> body.replace('"', '\'');
      case 3 -> "/* hi */" + body;
      case 4 -> "\uFEFF\uFEFF" + body;
      case 5 -> "[" + body + "]";
      case 6 -> pick(new String[] {"", "null", "42", "\"text\"", "true"});
      default -> body.replace(":", " ");
    };
  }

  private String badEnum(String body) {
    return switch (random.nextInt(4)) {
      case 0 -> replaceField(body, "carrier", "\"" + pick(new String[] {"dhl", "ups", "FEDEXX", "", "fed ex"}) + "\"");
      case 1 -> replaceField(body, "serviceType", "\"" + pick(new String[] {"TELEPORT", "PRIORITY_MAIL",
          "USPS_GROUND_ADVANTAGE", "fedex_ground_x", "GROUND"}) + "\"");
      case 2 -> replaceField(body, "shipmentStatus", "\"" + pick(new String[] {"shipped", "delivered", "teleported",
          "PENDING"}) + "\"");
      default -> withPackages(body, "[{\"weight\": 2, \"weightUnit\": \"" + pick(new String[] {"stone", "g", "",
          "LBS"}) + "\"}]");
    };
  }

  private String tooManyPackages(String body) {
    return withPackages(body, "[" + "{\"weight\": 1},".repeat(50 + random.nextInt(100)) + "{\"weight\": 1}]");
  }

  private String badPackage(String body) {
    return withPackages(body, pick(new String[] {"{}", "\"box\"", "[1]", "[{}]", "[{\"weight\": 1, \"x\": 2}]",
        "[{\"weight\": 1, \"dimensions\": {\"length\": 109, \"width\": 1, \"height\": 1}}]",
        "[{\"weight\": 1, \"dimensions\": {\"length\": 1, \"width\": 1}}]",
        "[{\"weight\": 1, \"dimensions\": {\"length\": 2, \"width\": 1, \"height\": 1, \"unit\": \"ft\"}}]",
        "[{\"weight\": 70, \"weightUnit\": \"kg\"}]", "[null]"}));
  }

  private String badId() {
    return pick(new String[] {"abc", "-1", "0", "1.5", "1e3", "%00", "99999999999999999999", "%E2%80%AE1", "+1",
        "%201", "0x10", "1;DROP", "%2e%2e", "1%2F2", "NaN", "-0", "%EF%BC%91%EF%BC%92", "1" + "0".repeat(200), percent(oddText(12)),
        "%F0%9F%9A%9A"});
  }

  private String badPaging() {
    return pick(new String[] {"?limit=0", "?limit=101", "?limit=-5", "?limit=abc", "?limit=1e2", "?limit=",
        "?limit=99999999999", "?limit=1&limit=2", "?cursor=", "?cursor=" + "A".repeat(201), "?cursor=%00",
        "?cursor=bm9wZQ", "?cursor=czE6OTo1", "?cursor=" + percent(oddText(10)), "?cursor=a&cursor=b"});
  }

  private String randomJsonish() {
    return pick(new String[] {"{}", "[]", "{\"a\": 1}", "x", "", "{\"deep\": " + "[".repeat(50) + "]".repeat(50) + "}"});
  }

  private String oddText(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(4);
      text.appendCodePoint(kind == 0 ? 0x20 + random.nextInt(0x5f) : kind == 1 ? 0x80 + random.nextInt(0x700)
          : kind == 2 ? 0x1F300 + random.nextInt(0x300) : 0x4E00 + random.nextInt(0x5000));
    }
    return text.toString();
  }

  private static String percent(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String replaceField(String body, String field, String value) {
    String without = removeField(body, field);
    return without.substring(0, without.length() - 1) + ", \"" + field + "\": " + value + "}";
  }

  /** Removes a top-level field written by {@link #validCreate}; its values hold no top-level commas. */
  private static String removeField(String body, String field) {
    int start = body.indexOf("\"" + field + "\": ");
    if (start < 0) {
      return body;
    }
    int end = endOfValue(body, start + field.length() + 4);
    String before = body.substring(0, start);
    String after = body.substring(end);
    if (after.startsWith(", ")) {
      return before + after.substring(2);
    }
    return before.endsWith(", ") ? before.substring(0, before.length() - 2) + after : before + after;
  }

  private static int endOfValue(String body, int from) {
    int depth = 0;
    boolean inString = false;
    for (int i = from; i < body.length(); i++) {
      char c = body.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          return i;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        return i;
      }
    }
    return body.length();
  }

  private static String withPackages(String body, String packages) {
    return replaceField(body, "packages", packages);
  }

  private <T> T pick(T[] options) {
    return options[random.nextInt(options.length)];
  }

  private <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }
}
