package com.ostore.shipping.application.service;

import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.port.in.CreatedShipment;
import com.ostore.shipping.application.port.in.IdempotencyKeyReusedException;
import com.ostore.shipping.application.port.in.IdempotentCreateShipmentUseCase;
import com.ostore.shipping.application.port.in.IdempotentRequest;
import com.ostore.shipping.application.port.in.PurgeIdempotencyKeysUseCase;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ValidationException;
import com.ostore.shipping.domain.port.out.IdempotencyClaim;
import com.ostore.shipping.domain.port.out.IdempotencyKeys;
import com.ostore.shipping.domain.port.out.IdempotentOutcome;
import com.ostore.shipping.domain.port.out.ShipmentRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Claims the caller's key, creates the shipment and stores the answer, all in one atomic write: a
 * request that fails leaves no claim behind (the caller may retry with the same key), and of two
 * concurrent requests with one key the second waits for the first to commit and then replays its answer.
 * The shipment is built and its answer made before the write (its ids are reserved ahead), so the
 * request costs the database one round trip, as a create without a key does.
 */
public final class IdempotentCreateShipmentService implements IdempotentCreateShipmentUseCase,
    PurgeIdempotencyKeysUseCase {
  /** A claim can vanish between losing it and reading it only when the purge takes it; once more is enough. */
  private static final int ATTEMPTS = 2;

  private final CreateShipmentService create;
  private final ShipmentRepository shipments;
  private final IdempotencyKeys keys;
  private final Duration retention;
  private final Clock clock;

  public IdempotentCreateShipmentService(CreateShipmentService create, ShipmentRepository shipments,
      IdempotencyKeys keys, Duration retention, Clock clock) {
    this.create = create;
    this.shipments = shipments;
    this.keys = keys;
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
    Shipment shipment;
    try {
      shipment = create.newShipment(command);
    } catch (ValidationException invalid) {
      // A key already used answers as it did (or 422 for another body), whatever this body holds.
      Optional<IdempotentOutcome> earlier = keys.find(request.callerId(), request.key());
      if (earlier.isPresent()) {
        return Optional.of(replay(earlier.get(), request));
      }
      throw invalid;
    }
    String answer = response.apply(shipment);
    Instant now = clock.instant();
    IdempotencyClaim claim = new IdempotencyClaim(request.callerId(), request.key(), request.fingerprint(), now,
        now.minus(retention), answer);
    if (!shipments.addWithLabelTask(shipment, shipment.createdAt(), claim)) {
      return Optional.empty();
    }
    return Optional.of(new CreatedShipment(shipment.id(), answer, false));
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
