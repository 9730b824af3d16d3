package com.ostore.shipping.bootstrap.metrics;

import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierGateway;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import com.ostore.shipping.domain.port.out.LabelPurchase;
import com.ostore.shipping.domain.port.out.LabelReference;
import com.ostore.shipping.domain.port.out.PurchaseKey;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.TrackingReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Times every call to a carrier, by carrier, operation and outcome (success, rejected, unavailable, error). */
final class MeteredCarrierGateway implements CarrierGateway {
  private final CarrierGateway gateway;
  private final MeterRegistry registry;

  MeteredCarrierGateway(CarrierGateway gateway, MeterRegistry registry) {
    this.gateway = gateway;
    this.registry = registry;
  }

  @Override
  public CarrierCode carrier() {
    return gateway.carrier();
  }

  @Override
  public Set<String> serviceTypes() {
    return gateway.serviceTypes();
  }

  @Override
  public Set<String> destinationCountries() {
    return gateway.destinationCountries();
  }

  @Override
  public LabelPurchase purchaseLabels(LabelRequest request) {
    return timed("purchase_labels", () -> gateway.purchaseLabels(request));
  }

  @Override
  public boolean repeatedPurchasesReturnTheSameLabels() {
    return gateway.repeatedPurchasesReturnTheSameLabels();
  }

  @Override
  public Optional<PurchaseKey> newPurchaseKey() {
    return gateway.newPurchaseKey();
  }

  @Override
  public void cancel(TrackingNumber trackingNumber) {
    timed("cancel", () -> {
      gateway.cancel(trackingNumber);
      return null;
    });
  }

  @Override
  public void cancelShipment(List<LabelReference> labels) {
    timed("cancel_shipment", () -> {
      gateway.cancelShipment(labels);
      return null;
    });
  }

  @Override
  public List<TrackingReport> track(List<TrackingNumber> trackingNumbers) {
    return timed("track", () -> gateway.track(trackingNumbers));
  }

  @Override
  public int maxTrackingBatchSize() {
    return gateway.maxTrackingBatchSize();
  }

  private <T> T timed(String operation, Supplier<T> call) {
    long start = System.nanoTime();
    String outcome = "error";
    try {
      T result = call.get();
      outcome = "success";
      return result;
    } catch (CarrierRejectedException e) {
      outcome = "rejected";
      throw e;
    } catch (CarrierUnavailableException e) {
      outcome = "unavailable";
      throw e;
    } finally {
      Timer.builder("shipping.carrier.calls")
          .description("Calls to a carrier's API, by outcome")
          .tags("carrier", gateway.carrier().wireName(), "operation", operation, "outcome", outcome)
          .publishPercentileHistogram()
          .register(registry)
          .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }
}
