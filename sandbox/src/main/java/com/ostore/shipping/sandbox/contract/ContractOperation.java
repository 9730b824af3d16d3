package com.ostore.shipping.sandbox.contract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One operation of a published document. {@code basePath} is the path of the document's server URL
 * ({@code /labels/v3}); requests are matched on it plus the path template, the way they arrive on the wire.
 */
public record ContractOperation(
    PublishedContract contract, String method, String pathTemplate, String basePath, String operationId,
    List<String> requestMediaTypes) {

  public ContractOperation {
    method = method.toUpperCase(Locale.ROOT);
    requestMediaTypes = List.copyOf(requestMediaTypes);
  }

  /** The full request path template, e.g. {@code /labels/v3/label/{trackingNumber}}. */
  public String fullPath() {
    return basePath + pathTemplate;
  }

  boolean matches(String requestMethod, String requestPath) {
    return method.equalsIgnoreCase(requestMethod) && pattern().matcher(stripQuery(requestPath)).matches();
  }

  boolean hasRequestBody() {
    return !requestMediaTypes.isEmpty();
  }

  /** JSON pointer (RFC 6901) to the request-body schema for that media type. */
  String requestSchemaPointer(String mediaType) {
    return "/paths/" + escape(pathTemplate) + "/" + method.toLowerCase(Locale.ROOT)
        + "/requestBody/content/" + escape(mediaType) + "/schema";
  }

  private Pattern pattern() {
    StringBuilder regex = new StringBuilder();
    for (String part : fullPath().split("(?=\\{)|(?<=\\})")) {
      regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
    }
    return Pattern.compile(regex + "/?");
  }

  private static String stripQuery(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
