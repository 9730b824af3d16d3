package com.ostore.shipping.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.port.out.IdempotencyClaim;
import com.ostore.shipping.domain.port.out.IdempotencyKeys;
import com.ostore.shipping.domain.port.out.IdempotentOutcome;
import com.ostore.shipping.domain.port.out.ShipmentRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IdempotencyKeys} does one request at a time, with keys claimed as a keyed create claims
 * them (in the write of its shipment); the in-memory fake and the PostgreSQL adapter both pass it
 * (concurrency is the real adapter's own test).
 */
public abstract class IdempotencyKeysContract {
  protected static final Instant NOW = ShipmentTestData.T0;
  protected static final Instant A_DAY_AGO = NOW.minus(Duration.ofDays(1));
  protected static final String FINGERPRINT = "a".repeat(64);

  protected abstract IdempotencyKeys keys();

  /** The store whose keyed creates claim the keys {@link #keys()} reads. */
  protected abstract ShipmentRepository shipments();

  @Test
  void aNewKeyIsClaimedAndItsOutcomeReadBack() {
    Optional<ShipmentId> created = createWithKey("caller-a", "key-1", FINGERPRINT, NOW, A_DAY_AGO, "{\"shipmentID\":1}");

    assertThat(created).isPresent();
    assertThat(keys().find("caller-a", "key-1"))
        .contains(new IdempotentOutcome(FINGERPRINT, created.orElseThrow(), "{\"shipmentID\":1}"));
  }

  @Test
  void givenAKeyClaimedWithinTheWindow_whenClaimedAgain_thenNoShipmentIsCreatedAndTheFirstOutcomeStays() {
    createWithKey("caller-a", "key-2", FINGERPRINT, NOW, A_DAY_AGO, "first");

    Optional<ShipmentId> again = createWithKey("caller-a", "key-2", "b".repeat(64), NOW.plusSeconds(60), A_DAY_AGO,
        "second");

    assertThat(again).isEmpty();
    assertThat(keys().find("caller-a", "key-2")).hasValueSatisfying(outcome -> {
      assertThat(outcome.requestFingerprint()).isEqualTo(FINGERPRINT);
      assertThat(outcome.response()).isEqualTo("first");
    });
  }

  @Test
  void theSameKeyOfAnotherCallerIsAKeyOfItsOwn() {
    createWithKey("caller-a", "key-3", FINGERPRINT, NOW, A_DAY_AGO, "for a");

    Optional<ShipmentId> created = createWithKey("caller-b", "key-3", FINGERPRINT, NOW, A_DAY_AGO, "for b");

    assertThat(created).isPresent();
    assertThat(keys().find("caller-a", "key-3")).map(IdempotentOutcome::response).contains("for a");
    assertThat(keys().find("caller-b", "key-3")).map(IdempotentOutcome::response).contains("for b");
  }

  @Test
  void givenAClaimOlderThanTheWindow_whenClaimedAgain_thenItIsTakenOverWithTheNewOutcome() {
    createWithKey("caller-a", "key-4", FINGERPRINT, NOW, A_DAY_AGO, "old");
    Instant later = NOW.plus(Duration.ofDays(2));

    Optional<ShipmentId> created = createWithKey("caller-a", "key-4", "c".repeat(64), later,
        later.minus(Duration.ofDays(1)), "new");

    assertThat(created).isPresent();
    assertThat(keys().find("caller-a", "key-4"))
        .contains(new IdempotentOutcome("c".repeat(64), created.orElseThrow(), "new"));
  }

  @Test
  void thePurgeForgetsOnlyKeysClaimedBeforeTheCutoff() {
    createWithKey("caller-p", "old", FINGERPRINT, NOW, A_DAY_AGO, "old");
    createWithKey("caller-p", "recent", FINGERPRINT, NOW.plus(Duration.ofHours(2)), A_DAY_AGO, "recent");

    int purged = keys().purgeClaimedBefore(NOW.plus(Duration.ofHours(1)));

    assertThat(purged).isGreaterThanOrEqualTo(1);
    assertThat(keys().find("caller-p", "old")).isEmpty();
    assertThat(keys().find("caller-p", "recent")).isPresent();
  }

  @Test
  void anUnknownKeyHasNoOutcome() {
    assertThat(keys().find("caller-a", "never-used")).isEmpty();
  }

  /** A keyed create: a new shipment written with its claim. Its id, or empty when the key was held. */
  protected Optional<ShipmentId> createWithKey(String caller, String key, String fingerprint, Instant at,
      Instant expiredBefore, String response) {
    ShipmentId id = shipments().nextShipmentId();
    boolean created = shipments().addWithLabelTask(
        ShipmentTestData.aShipment().withId(id.value()).withOrderId(id.value()).build(), at,
        new IdempotencyClaim(caller, key, fingerprint, at, expiredBefore, response));
    return created ? Optional.of(id) : Optional.empty();
  }
}
