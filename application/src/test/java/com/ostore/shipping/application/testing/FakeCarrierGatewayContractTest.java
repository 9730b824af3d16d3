package com.ostore.shipping.application.testing;

import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierGateway;
import com.ostore.shipping.domain.testing.CarrierGatewayContract;
import java.util.HashSet;
import org.junit.jupiter.api.Nested;

/**
 * The fake the application's tests buy labels from keeps the port's contract too, so what those tests
 * prove about the services holds with the real adapters.
 */
class FakeCarrierGatewayContractTest {

  @Nested
  class LikeFedex extends FakeContract {
    LikeFedex() {
      super(FakeCarrierGateway.fedex(), "612345678000");
    }
  }

  @Nested
  class LikeUsps extends FakeContract {
    LikeUsps() {
      super(FakeCarrierGateway.usps(), "9400100000000000000000");
    }
  }

  abstract static class FakeContract extends CarrierGatewayContract {
    private final FakeCarrierGateway fake;
    private final TrackingNumber unknown;

    FakeContract(FakeCarrierGateway fake, String unknown) {
      this.fake = fake;
      this.unknown = TrackingNumber.of(unknown);
    }

    @Override
    protected CarrierGateway gateway() {
      return fake;
    }

    @Override
    protected TrackingNumber unknownTrackingNumber() {
      return unknown;
    }

    @Override
    protected boolean isVoid(TrackingNumber trackingNumber) {
      return fake.cancelled().contains(trackingNumber);
    }

    @Override
    protected long voidedLabels() {
      return new HashSet<>(fake.cancelled()).size();
    }

    @Override
    protected void carrierGoesDown() {
      fake.trackingDown(true);
    }

    @Override
    protected void accountIsRefusedOnce() {
      fake.nextPurchaseAccountRefused(fake.carrier().wireName() + ":account:SUSPENDED");
    }
  }
}
