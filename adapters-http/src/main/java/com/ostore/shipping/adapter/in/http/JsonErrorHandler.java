package com.ostore.shipping.adapter.in.http;

import com.ostore.shipping.domain.model.Text;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty refuses some requests before Javalin sees them (an ambiguous path such as {@code /shipments/1%2F2},
 * a malformed request line, an oversized header); those refusals get the API's own
 * {@code {"error": "..."}} body instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) throws IOException {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    // Jetty drops the connection after refusing a request this way; saying so keeps clients from reusing it.
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    fields.put(HttpHeader.CONNECTION, "close");
    return ByteBuffer.wrap(body(status, reason));
  }

  private static byte[] body(int code, String message) {
    String reason = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
    String json = "{\"error\":\"" + escape(Text.quoted(reason, 200)) + "\"}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** {@link Text#quoted} already replaced control characters; only quotes and backslashes remain to escape. */
  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
