package com.ostore.shipping.domain.port.out;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What makes a carrier purchase of one package repeatable: the idempotency key sent with it and the
 * mailing date the label was first asked for. The caller stores it when the purchase first starts and
 * passes it back on every retry ({@link ParcelSpec#purchaseKey()}), so a retry sends the same key with
 * the same body. Random, so keys never collide across environments that share a carrier account.
 */
public record PurchaseKey(UUID idempotencyKey, LocalDate mailingDate) {
  public PurchaseKey {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(mailingDate, "mailingDate");
  }

  public static PurchaseKey fresh(LocalDate mailingDate) {
    return new PurchaseKey(UUID.randomUUID(), mailingDate);
  }
}
