package com.ostore.shipping.adapter.out.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Advisory lock keys of one installation, and its notification channel. PostgreSQL keeps advisory locks
 * and LISTEN channels per database, not per schema, so a fixed key would make installations in two
 * schemas of one database wait for (or wake) each other; each key is therefore a hash of its purpose and
 * the schema.
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

  /**
   * The channel appends to the outbox notify; the trigger of migration V63 names it the same way, in SQL
   * ({@code ostore_outbox_} and 16 hex digits of SHA-256 over the purpose and the schema).
   */
  static String outboxChannel(String schema) {
    return "ostore_outbox_" + HexFormat.of().formatHex(sha256("ostore-shipping/outbox-appended/" + schema), 0, 8);
  }

  private static long hash(String text) {
    return ByteBuffer.wrap(sha256(text)).getLong();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
