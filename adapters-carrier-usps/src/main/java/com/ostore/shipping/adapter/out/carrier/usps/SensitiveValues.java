package com.ostore.shipping.adapter.out.carrier.usps;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The credentials in play (client secret, recent access and payment tokens), so that any text taken
 * from a response or an exception can be scrubbed of them before it reaches a log or a message.
 */
final class SensitiveValues {
  private static final int KEEP = 16;
  private final Deque<String> values = new ConcurrentLinkedDeque<>();

  void add(String value) {
    if (value == null || value.length() < 4) {
      return;
    }
    values.addFirst(value);
    while (values.size() > KEEP) {
      values.pollLast();
    }
  }

  String scrub(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String value : values) {
      result = result.replace(value, "***");
    }
    return result;
  }
}
