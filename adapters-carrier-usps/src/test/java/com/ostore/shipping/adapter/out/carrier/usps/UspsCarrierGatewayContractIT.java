package com.ostore.shipping.adapter.out.carrier.usps;

import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierGateway;
import com.ostore.shipping.domain.testing.CarrierGatewayContract;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.sandbox.usps.UspsSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The USPS gateway passes the port's contract over the USPS simulator. */
class UspsCarrierGatewayContractIT extends CarrierGatewayContract {
  private final MutableClock clock = MutableClock.at("2026-01-05T14:00:00Z");
  private UspsSimulator simulator;
  private UspsCarrierGateway gateway;

  @BeforeEach
  void start() {
    simulator = new UspsSimulator("it-client", UspsTestData.SECRET, clock).start();
    gateway = new UspsCarrierGateway(UspsTestData.config(simulator.baseUrl(), "it-client", UspsTestData.SECRET, clock));
  }

  @AfterEach
  void stop() {
    gateway.close();
    simulator.close();
  }

  @Override
  protected CarrierGateway gateway() {
    return gateway;
  }

  @Override
  protected TrackingNumber unknownTrackingNumber() {
    return TrackingNumber.of("9400100000000000000000");
  }

  @Override
  protected boolean isVoid(TrackingNumber trackingNumber) {
    return simulator.isCancelled(trackingNumber.value());
  }

  @Override
  protected long voidedLabels() {
    return simulator.counters().cancels();
  }

  @Override
  protected void carrierGoesDown() {
    simulator.faults().retryAfterSeconds(0).serviceUnavailableNext(20);
  }

  @Override
  protected void accountIsRefusedOnce() {
    simulator.faults().refuseNext("/payments/v3", 1, 400, "100007",
        "Your Trust balance has insufficient funds. Please fund your Trust balance and try again.");
  }
}
