package com.ostore.shipping.application.port.in;

/** Forgets idempotency keys older than their retention window (run it periodically). */
public interface PurgeIdempotencyKeysUseCase {
  /** Returns how many keys were forgotten. */
  int purgeExpiredIdempotencyKeys();
}
