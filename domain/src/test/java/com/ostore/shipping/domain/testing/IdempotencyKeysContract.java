package com.ostore.shipping.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.port.out.IdempotencyKeys;
import com.ostore.shipping.domain.port.out.IdempotentOutcome;
import com.ostore.shipping.domain.port.out.Transactions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IdempotencyKeys} does one request at a time; the in-memory fake and the PostgreSQL
 * adapter both pass it (concurrency is the real adapter's own test).
 */
public abstract class IdempotencyKeysContract {
  protected static final Instant NOW = ShipmentTestData.T0;
  private static final Instant A_DAY_AGO = NOW.minus(Duration.ofDays(1));
  private static final String FINGERPRINT = "a".repeat(64);

  protected abstract IdempotencyKeys keys();

  protected abstract Transactions transactions();

  /** A shipment that exists in the store the keys point to. */
  protected abstract ShipmentId aStoredShipment();

  @Test
  void aNewKeyIsClaimedAndItsOutcomeReadBack() {
    ShipmentId shipment = aStoredShipment();

    boolean claimed = claimAndRecord("caller-a", "key-1", shipment, "{\"shipmentID\":1}");

    assertThat(claimed).isTrue();
    assertThat(keys().find("caller-a", "key-1"))
        .contains(new IdempotentOutcome(FINGERPRINT, shipment, "{\"shipmentID\":1}"));
  }

  @Test
  void givenAKeyClaimedWithinTheWindow_whenClaimedAgain_thenItIsRefusedAndTheFirstOutcomeStays() {
    ShipmentId shipment = aStoredShipment();
    claimAndRecord("caller-a", "key-2", shipment, "first");

    boolean again = transactions().inTransaction(
        () -> keys().tryClaim("caller-a", "key-2", "b".repeat(64), NOW.plusSeconds(60), A_DAY_AGO));

    assertThat(again).isFalse();
    assertThat(keys().find("caller-a", "key-2")).hasValueSatisfying(outcome -> {
      assertThat(outcome.requestFingerprint()).isEqualTo(FINGERPRINT);
      assertThat(outcome.response()).isEqualTo("first");
    });
  }

  @Test
  void theSameKeyOfAnotherCallerIsAKeyOfItsOwn() {
    claimAndRecord("caller-a", "key-3", aStoredShipment(), "for a");

    boolean claimed = claimAndRecord("caller-b", "key-3", aStoredShipment(), "for b");

    assertThat(claimed).isTrue();
    assertThat(keys().find("caller-a", "key-3")).map(IdempotentOutcome::response).contains("for a");
    assertThat(keys().find("caller-b", "key-3")).map(IdempotentOutcome::response).contains("for b");
  }

  @Test
  void givenAClaimOlderThanTheWindow_whenClaimedAgain_thenItIsTakenOver() {
    claimAndRecord("caller-a", "key-4", aStoredShipment(), "old");
    Instant later = NOW.plus(Duration.ofDays(2));

    boolean claimed = transactions().inTransaction(
        () -> keys().tryClaim("caller-a", "key-4", "c".repeat(64), later, later.minus(Duration.ofDays(1))));

    assertThat(claimed).isTrue();
  }

  @Test
  void thePurgeForgetsOnlyKeysClaimedBeforeTheCutoff() {
    claimAndRecord("caller-p", "old", aStoredShipment(), "old");
    ShipmentId recent = aStoredShipment();
    transactions().run(() -> {
      keys().tryClaim("caller-p", "recent", FINGERPRINT, NOW.plus(Duration.ofHours(2)), A_DAY_AGO);
      keys().recordOutcome("caller-p", "recent", recent, "recent");
    });

    int purged = keys().purgeClaimedBefore(NOW.plus(Duration.ofHours(1)));

    assertThat(purged).isGreaterThanOrEqualTo(1);
    assertThat(keys().find("caller-p", "old")).isEmpty();
    assertThat(keys().find("caller-p", "recent")).isPresent();
  }

  @Test
  void anUnknownKeyHasNoOutcome() {
    assertThat(keys().find("caller-a", "never-used")).isEmpty();
  }

  private boolean claimAndRecord(String caller, String key, ShipmentId shipment, String response) {
    return transactions().inTransaction(() -> {
      boolean claimed = keys().tryClaim(caller, key, FINGERPRINT, NOW, A_DAY_AGO);
      if (claimed) {
        keys().recordOutcome(caller, key, shipment, response);
      }
      return claimed;
    });
  }
}
