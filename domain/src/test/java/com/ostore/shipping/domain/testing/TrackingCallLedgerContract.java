package com.ostore.shipping.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.port.out.TrackingCallLedger;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TrackingCallLedger} does one caller at a time; the in-memory fake and the PostgreSQL
 * adapter both pass it (instances racing for the last call is the real adapter's own test).
 */
public abstract class TrackingCallLedgerContract {
  protected static final Instant NOW = ShipmentTestData.T0;
  protected static final Duration HOUR = Duration.ofHours(1);

  protected abstract TrackingCallLedger ledger();

  @Test
  void callsAreRecordedUpToTheLimit_thenRefused() {
    assertThat(ledger().tryRecord(CarrierCode.USPS, NOW, NOW.minus(HOUR), 2)).isTrue();
    assertThat(ledger().tryRecord(CarrierCode.USPS, NOW.plusSeconds(1), NOW.minus(HOUR), 2)).isTrue();

    assertThat(ledger().tryRecord(CarrierCode.USPS, NOW.plusSeconds(2), NOW.minus(HOUR), 2)).isFalse();
    assertThat(ledger().callsSince(CarrierCode.USPS, NOW.minus(HOUR))).isEqualTo(2);
  }

  @Test
  void callsMadeBeforeTheWindowNoLongerCount() {
    ledger().tryRecord(CarrierCode.USPS, NOW, NOW.minus(HOUR), 1);
    Instant anHourLater = NOW.plus(HOUR);

    assertThat(ledger().callsSince(CarrierCode.USPS, anHourLater.minus(HOUR))).isZero();
    assertThat(ledger().tryRecord(CarrierCode.USPS, anHourLater, anHourLater.minus(HOUR), 1)).isTrue();
    assertThat(ledger().tryRecord(CarrierCode.USPS, anHourLater.plusSeconds(1), anHourLater.minus(HOUR), 1))
        .as("the call made an hour later counts until the hour after it").isFalse();
  }

  @Test
  void eachCarrierHasItsOwnCount() {
    ledger().tryRecord(CarrierCode.USPS, NOW, NOW.minus(HOUR), 1);

    assertThat(ledger().tryRecord(CarrierCode.FEDEX, NOW, NOW.minus(HOUR), 1)).isTrue();
    assertThat(ledger().callsSince(CarrierCode.FEDEX, NOW.minus(HOUR))).isEqualTo(1);
    assertThat(ledger().callsSince(CarrierCode.USPS, NOW.minus(HOUR))).isEqualTo(1);
  }

  @Test
  void aCarrierNeverCalledHasNoCalls() {
    assertThat(ledger().callsSince(CarrierCode.FEDEX, NOW.minus(HOUR))).isZero();
  }
}
