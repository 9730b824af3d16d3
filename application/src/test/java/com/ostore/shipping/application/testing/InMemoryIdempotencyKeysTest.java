package com.ostore.shipping.application.testing;

import com.ostore.shipping.domain.port.out.IdempotencyKeys;
import com.ostore.shipping.domain.port.out.ShipmentRepository;
import com.ostore.shipping.domain.testing.IdempotencyKeysContract;
import com.ostore.shipping.domain.testing.ShipmentTestData;
import java.time.Clock;
import java.time.ZoneOffset;

class InMemoryIdempotencyKeysTest extends IdempotencyKeysContract {
  private final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();
  private final InMemoryShipmentRepository shipments = new InMemoryShipmentRepository(
      new InMemoryTaskQueue(Clock.fixed(ShipmentTestData.T0, ZoneOffset.UTC)), keys);

  @Override
  protected IdempotencyKeys keys() {
    return keys;
  }

  @Override
  protected ShipmentRepository shipments() {
    return shipments;
  }
}
