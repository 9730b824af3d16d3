package com.ostore.shipping.adapter.out.carrier.usps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a label response, multipart (default: a {@code labelMetadata} JSON part and a {@code labelImage}
 * part) or single JSON ({@code application/vnd.usps.labels+json}), into the tracking number and the
 * decoded label image. USPS sends the image base64 whatever its Content-Transfer-Encoding says.
 */
final class UspsLabelResponseMapper {
  /** What one label call returned. */
  record Parsed(String trackingNumber, byte[] image) {}

  private final ObjectMapper json;

  UspsLabelResponseMapper(ObjectMapper json) {
    this.json = json;
  }

  Parsed parse(String contentType, byte[] body) {
    try {
      String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
      boolean multipart = type.startsWith("multipart/") || (!type.contains("json") && startsWithBoundary(body));
      return multipart ? fromMultipart(contentType, body) : fromJson(json.readTree(body));
    } catch (Exception e) {
      throw new IllegalArgumentException("unreadable USPS label response: " + e.getMessage(), e);
    }
  }

  private Parsed fromMultipart(String contentType, byte[] body) throws Exception {
    Map<String, byte[]> parts = MultipartParts.parse(contentType, body);
    byte[] metadata = parts.get("labelMetadata");
    byte[] image = parts.get("labelImage");
    if (metadata == null || image == null) {
      throw new IllegalArgumentException("missing labelMetadata or labelImage part");
    }
    return new Parsed(trackingNumber(json.readTree(metadata)), decode(new String(image, StandardCharsets.ISO_8859_1)));
  }

  private Parsed fromJson(JsonNode root) {
    JsonNode metadata = root.has("labelMetadata") ? root.path("labelMetadata") : root;
    return new Parsed(trackingNumber(metadata), decode(root.path("labelImage").asText("")));
  }

  private static String trackingNumber(JsonNode metadata) {
    String number = metadata.path("trackingNumber").asText("").strip();
    if (number.isEmpty()) {
      throw new IllegalArgumentException("no trackingNumber");
    }
    return number;
  }

  private static byte[] decode(String base64) {
    byte[] image = Base64.getMimeDecoder().decode(base64.strip());
    if (image.length == 0) {
      throw new IllegalArgumentException("empty labelImage");
    }
    return image;
  }

  private static boolean startsWithBoundary(byte[] body) {
    return body.length > 2 && body[0] == '-' && body[1] == '-';
  }
}
