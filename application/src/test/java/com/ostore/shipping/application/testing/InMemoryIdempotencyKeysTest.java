package com.ostore.shipping.application.testing;

import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.port.out.IdempotencyKeys;
import com.ostore.shipping.domain.port.out.Transactions;
import com.ostore.shipping.domain.testing.IdempotencyKeysContract;
import java.util.concurrent.atomic.AtomicLong;

class InMemoryIdempotencyKeysTest extends IdempotencyKeysContract {
  private final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();
  private final DirectTransactions transactions = new DirectTransactions();
  private final AtomicLong nextShipment = new AtomicLong(1);

  @Override
  protected IdempotencyKeys keys() {
    return keys;
  }

  @Override
  protected Transactions transactions() {
    return transactions;
  }

  @Override
  protected ShipmentId aStoredShipment() {
    return ShipmentId.of(nextShipment.getAndIncrement());
  }
}
