package com.ostore.shipping.application.testing;

import com.ostore.shipping.domain.port.out.TrackingCallLedger;
import com.ostore.shipping.domain.testing.TrackingCallLedgerContract;

class InMemoryTrackingCallLedgerTest extends TrackingCallLedgerContract {
  private final InMemoryTrackingCallLedger ledger = new InMemoryTrackingCallLedger();

  @Override
  protected TrackingCallLedger ledger() {
    return ledger;
  }
}
