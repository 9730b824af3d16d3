package com.ostore.shipping.domain.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * A claimed piece of background work. {@code attempts} counts claims, this one included, so a value
 * above one means an earlier attempt ran (and may have died half way). {@code awaitingAckSince} is
 * when the work became due without being acknowledged since: the one-day alert measures from it
 * (whether it alerted is the {@link AlertRepository}'s to say, keyed by cause).
 */
public record Task(
    long id,
    TaskKind kind,
    long subjectId,
    int attempts,
    Instant enqueuedAt,
    Instant awaitingAckSince,
    String lastError) {

  public Task {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(enqueuedAt, "enqueuedAt");
    Objects.requireNonNull(awaitingAckSince, "awaitingAckSince");
  }

  /** The key that ties this work's alert to its later resolution. */
  public String alertKey() {
    return "ostore-shipping-task-" + id;
  }
}
