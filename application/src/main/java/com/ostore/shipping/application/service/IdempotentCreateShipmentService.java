package com.ostore.shipping.application.service;

import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.port.in.CreateShipmentUseCase;
import com.ostore.shipping.application.port.in.CreatedShipment;
import com.ostore.shipping.application.port.in.IdempotencyKeyReusedException;
import com.ostore.shipping.application.port.in.IdempotentCreateShipmentUseCase;
import com.ostore.shipping.application.port.in.IdempotentRequest;
import com.ostore.shipping.application.port.in.PurgeIdempotencyKeysUseCase;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.port.out.IdempotencyKeys;
import com.ostore.shipping.domain.port.out.IdempotentOutcome;
import com.ostore.shipping.domain.port.out.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Claims the caller's key, creates the shipment and stores the answer, all in one transaction: a request
 * that fails leaves no claim behind (the caller may retry with the same key), and of two concurrent
 * requests with one key the second waits for the first to commit and then replays its answer.
 */
public final class IdempotentCreateShipmentService implements IdempotentCreateShipmentUseCase,
    PurgeIdempotencyKeysUseCase {
  /** A claim can vanish between losing it and reading it only when the purge takes it; once more is enough. */
  private static final int ATTEMPTS = 2;

  private final CreateShipmentUseCase create;
  private final IdempotencyKeys keys;
  private final Transactions transactions;
  private final Duration retention;
  private final Clock clock;

  public IdempotentCreateShipmentService(
      CreateShipmentUseCase create, IdempotencyKeys keys, Transactions transactions, Duration retention, Clock clock) {
    this.create = create;
    this.keys = keys;
    this.transactions = transactions;
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  public CreatedShipment createShipment(
      CreateShipmentCommand command, IdempotentRequest request, Function<Shipment, String> response) {
    for (int attempt = 1; ; attempt++) {
      Optional<CreatedShipment> created = createIfUnclaimed(command, request, response);
      if (created.isPresent()) {
        return created.get();
      }
      Optional<IdempotentOutcome> earlier = keys.find(request.callerId(), request.key());
      if (earlier.isPresent()) {
        return replay(earlier.get(), request);
      }
      if (attempt == ATTEMPTS) {
        throw new IllegalStateException("idempotency key claimed but its outcome cannot be found");
      }
    }
  }

  private Optional<CreatedShipment> createIfUnclaimed(
      CreateShipmentCommand command, IdempotentRequest request, Function<Shipment, String> response) {
    return transactions.inTransaction(() -> {
      Instant now = clock.instant();
      if (!keys.tryClaim(request.callerId(), request.key(), request.fingerprint(), now, now.minus(retention))) {
        return Optional.empty();
      }
      Shipment shipment = create.createShipment(command);
      String answer = response.apply(shipment);
      keys.recordOutcome(request.callerId(), request.key(), shipment.id(), answer);
      return Optional.of(new CreatedShipment(shipment.id(), answer, false));
    });
  }

  private static CreatedShipment replay(IdempotentOutcome earlier, IdempotentRequest request) {
    if (!earlier.requestFingerprint().equals(request.fingerprint())) {
      throw new IdempotencyKeyReusedException(
          "this Idempotency-Key was already used for a different request; use a new key for a new shipment");
    }
    return new CreatedShipment(earlier.shipmentId(), earlier.response(), true);
  }

  @Override
  public int purgeExpiredIdempotencyKeys() {
    return keys.purgeClaimedBefore(clock.instant().minus(retention));
  }
}
