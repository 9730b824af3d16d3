package com.ostore.shipping.adapter.out.carrier.fedex;

import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierGateway;
import com.ostore.shipping.domain.testing.CarrierGatewayContract;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.sandbox.fedex.FedexSimulator;
import com.ostore.shipping.sandbox.fedex.FedexSimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The FedEx gateway passes the port's contract over the FedEx simulator. */
class FedexCarrierGatewayContractIT extends CarrierGatewayContract {
  private final MutableClock clock = MutableClock.at("2026-01-05T14:00:00Z");
  private FedexSimulator simulator;
  private FedexCarrierGateway gateway;

  @BeforeEach
  void start() {
    simulator = new FedexSimulator(FedexSimulatorSettings.of(FedexTestData.CLIENT_ID, FedexTestData.CLIENT_SECRET, clock)
        .withAccountNumber(FedexTestData.ACCOUNT)).start();
    gateway = new FedexCarrierGateway(FedexTestData.config(simulator.baseUrl(), clock));
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
    return TrackingNumber.of("999999999990");
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
    simulator.faults().serverErrorsNext(20);
  }

  @Override
  protected void accountIsRefusedOnce() {
    simulator.faults().refuseNext("/ship/v1/shipments", 1, 403, "FORBIDDEN.ERROR",
        "We could not authorize your credentials. Please check your permissions and try again.");
  }
}
