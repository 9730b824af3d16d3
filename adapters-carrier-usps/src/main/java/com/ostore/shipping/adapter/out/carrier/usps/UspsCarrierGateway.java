package com.ostore.shipping.adapter.out.carrier.usps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierGateway;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import com.ostore.shipping.domain.port.out.LabelPurchase;
import com.ostore.shipping.domain.port.out.LabelRequest;
import com.ostore.shipping.domain.port.out.ParcelSpec;
import com.ostore.shipping.domain.port.out.PurchasedLabel;
import com.ostore.shipping.domain.port.out.TrackingReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CarrierGateway} over USPS's v3 REST APIs (OAuth, payments, labels, tracking).
 *
 * <p>Re-buying is safe: each package's label call carries an idempotency key derived from the request
 * reference and package id, so a retry or a resumed attempt gets the label USPS already sold. The
 * remaining window is USPS's own retention of idempotency keys, which it does not document.
 */
public final class UspsCarrierGateway implements CarrierGateway, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UspsCarrierGateway.class);

  private final OkHttpClient client;
  private final UspsLabels labels;
  private final UspsTracking tracking;

  public UspsCarrierGateway(UspsConfig config) {
    this.client = new OkHttpClient.Builder()
        .connectTimeout(config.resilience().connectTimeout())
        .readTimeout(config.resilience().attemptTimeout())
        .writeTimeout(config.resilience().attemptTimeout())
        .callTimeout(config.resilience().attemptTimeout())
        .retryOnConnectionFailure(false)
        // A redirect from an API endpoint is a misconfiguration or an attack, never something to follow with our token.
        .followRedirects(false)
        .followSslRedirects(false)
        .build();
    ObjectMapper json = new ObjectMapper();
    SensitiveValues sensitive = new SensitiveValues();
    sensitive.add(config.clientSecret().reveal());
    UspsErrors errors = new UspsErrors(json, sensitive, config.clock());
    UspsHttp http = new UspsHttp(client);
    UspsAccessTokens tokens = new UspsAccessTokens(config, http, errors, json, sensitive);
    UspsAuthorizedCalls calls = new UspsAuthorizedCalls(http, tokens);
    UspsPaymentTokens payments = new UspsPaymentTokens(config, calls, errors, json, sensitive);
    this.labels = new UspsLabels(config, calls, payments, errors, json);
    this.tracking = new UspsTracking(config, calls, errors, json);
  }

  @Override
  public CarrierCode carrier() {
    return CarrierCode.USPS;
  }

  /** Calls left in the current client-side quota window per USPS API ("labels", "tracking"). */
  public Map<String, Integer> remainingQuota() {
    Map<String, Integer> left = new TreeMap<>();
    labels.remainingQuota().ifPresent(n -> left.put("labels", n));
    tracking.remainingQuota().ifPresent(n -> left.put("tracking", n));
    return left;
  }

  @Override
  public Set<String> serviceTypes() {
    return UspsMailClasses.ALL;
  }

  @Override
  public LabelPurchase purchaseLabels(LabelRequest request) {
    List<PurchasedLabel> bought = new ArrayList<>();
    for (ParcelSpec parcel : request.parcels()) {
      try {
        bought.add(labels.buy(request, parcel));
      } catch (CarrierRejectedException e) {
        voidQuietly(bought);
        throw e;
      }
    }
    return new LabelPurchase(labels.mailClass(request), null, bought);
  }

  @Override
  public void cancel(TrackingNumber trackingNumber) {
    labels.cancel(trackingNumber);
  }

  @Override
  public List<TrackingReport> track(List<TrackingNumber> trackingNumbers) {
    return tracking.track(trackingNumbers);
  }

  @Override
  public int maxTrackingBatchSize() {
    return UspsTracking.MAX_BATCH;
  }

  /** Releases the HTTP client's threads and pooled connections. */
  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  /**
   * A later package was refused for good, so the request will not be retried; void the labels already
   * bought for it rather than pay for postage nobody will use.
   */
  private void voidQuietly(List<PurchasedLabel> bought) {
    for (PurchasedLabel label : bought) {
      try {
        labels.cancel(label.trackingNumber());
      } catch (CarrierRejectedException | CarrierUnavailableException e) {
        LOG.warn("USPS label {} could not be voided after a rejected package: {}", label.trackingNumber(), e.getMessage());
      }
    }
  }
}
