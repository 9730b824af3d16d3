package com.ostore.shipping.adapter.out.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Advisory lock keys of one installation. PostgreSQL keeps advisory locks per database, not per
 * schema, so a fixed key would make installations in two schemas of one database wait for each other;
 * each key is therefore a hash of its purpose and the schema.
 */
final class AdvisoryLockKeys {
  /**
   * The relay key of releases before the schema was configurable ("OSTOREOB" in ASCII). An installation
   * that stays in {@code public} keeps it, so old and new instances still exclude each other while an
   * upgrade rolls through.
   */
  static final long LEGACY_RELAY_KEY = 0x4F53544F52454F42L;

  /** The order event lock space of the first release that had one ("OSOR"); kept in {@code public} likewise. */
  static final int LEGACY_ORDER_LOCK_SPACE = 0x4F534F52;

  private AdvisoryLockKeys() {}

  static long relayLock(String schema) {
    return schema.equals("public") ? LEGACY_RELAY_KEY : hash("ostore-shipping/outbox-relay/" + schema);
  }

  static int orderLockSpace(String schema) {
    return schema.equals("public") ? LEGACY_ORDER_LOCK_SPACE : (int) hash("ostore-shipping/order-events/" + schema);
  }

  private static long hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
