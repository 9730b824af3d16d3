package com.ostore.shipping.adapter.in.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** Gives every request an id, echoing the caller's when it is safe to put in a header and a log line. */
final class RequestIds {
  static final String HEADER = "X-Request-Id";
  private static final String ATTRIBUTE = "requestId";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private RequestIds() {}

  static void assign(Context ctx) {
    String given = ctx.header(HEADER);
    String id = given != null && SANE.matcher(given).matches() ? given : newId();
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
    // Request threads are pooled: nothing of the previous request may stay on this one's log lines.
    MDC.clear();
    MDC.put(ATTRIBUTE, id);
  }

  /** Names the shipment or order the request is about on every log line written while it is handled. */
  static void about(String key, long id) {
    MDC.put(key, Long.toString(id));
  }

  static void finished() {
    MDC.clear();
  }

  /**
   * A random version-4 UUID from the thread's own generator: an id must be unique, not unguessable, and
   * {@code UUID.randomUUID()} takes every request through one shared SecureRandom.
   */
  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
    return new UUID(high, low).toString();
  }

  static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    return id == null ? "-" : id;
  }
}
