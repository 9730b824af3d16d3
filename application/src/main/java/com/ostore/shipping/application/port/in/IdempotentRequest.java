package com.ostore.shipping.application.port.in;

import com.ostore.shipping.domain.model.ValidationException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who sent a create request under which idempotency key, and a fingerprint of what they asked for
 * (any stable digest of the request; two requests are "the same" when their fingerprints are equal).
 * Keys are scoped per caller: two callers may use the same key for different shipments.
 */
public record IdempotentRequest(String callerId, String key, String fingerprint) {
  public static final int MAX_KEY_LENGTH = 255;
  /** Visible ASCII: what fits in a header and a log line unchanged (a UUID is the usual choice). */
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1," + MAX_KEY_LENGTH + "}");

  public IdempotentRequest {
    Objects.requireNonNull(callerId, "callerId");
    Objects.requireNonNull(fingerprint, "fingerprint");
    if (key == null || !KEY.matcher(key).matches()) {
      throw new ValidationException(
          "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters (a UUID, for instance)");
    }
  }
}
