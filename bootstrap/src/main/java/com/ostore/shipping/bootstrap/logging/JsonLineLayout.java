package com.ostore.shipping.bootstrap.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code LOG_FORMAT=json}: one JSON object per line, the shape log collectors index without parsing
 * rules: {@code timestamp}, {@code level}, {@code logger}, {@code thread}, {@code message}, the MDC
 * ({@code requestId}, {@code shipmentId}, {@code orderId} where known) as top-level fields, and
 * {@code exception} with the stack trace. Jackson escapes whatever a message holds, carrier text
 * included, so no value can end the line or forge another entry.
 */
public final class JsonLineLayout extends LayoutBase<ILoggingEvent> {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public String doLayout(ILoggingEvent event) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("timestamp", TIMESTAMP.format(Instant.ofEpochMilli(event.getTimeStamp())));
      json.writeStringField("level", event.getLevel().toString());
      json.writeStringField("logger", event.getLoggerName());
      json.writeStringField("thread", event.getThreadName());
      json.writeStringField("message", event.getFormattedMessage());
      for (Map.Entry<String, String> entry : new TreeMap<>(event.getMDCPropertyMap()).entrySet()) {
        if (!isReserved(entry.getKey())) {
          json.writeStringField(entry.getKey(), entry.getValue());
        }
      }
      IThrowableProxy thrown = event.getThrowableProxy();
      if (thrown != null) {
        json.writeStringField("exception", ThrowableProxyUtil.asString(thrown));
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.append('\n').toString();
  }

  private static boolean isReserved(String key) {
    return switch (key) {
      case "timestamp", "level", "logger", "thread", "message", "exception" -> true;
      default -> false;
    };
  }

  @Override
  public String getContentType() {
    return "application/json";
  }
}
