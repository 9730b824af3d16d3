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
import com.ostore.shipping.domain.port.out.PurchaseKey;
import com.ostore.shipping.domain.port.out.PurchasedLabel;
import com.ostore.shipping.domain.port.out.TrackingReport;
import dev.failsafe.CircuitBreaker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CarrierGateway} over USPS's v3 REST APIs (OAuth, payments, labels, tracking).
 *
 * <p>Re-buying is safe: each package's label call carries its stored idempotency key and mailing date
 * ({@link ParcelSpec#purchaseKey()}, see {@link UspsLabels}), so a retry or a resumed attempt gets the
 * label USPS already sold. The remaining window is USPS's own retention of idempotency keys, which it
 * does not document.
 */
public final class UspsCarrierGateway implements CarrierGateway, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UspsCarrierGateway.class);

  private final OkHttpClient client;
  private final UspsLabels labels;
  private final UspsTracking tracking;
  private final Map<String, UspsHttpClient> quotas = new TreeMap<>();

  public UspsCarrierGateway(UspsConfig config) {
    UspsResilience settings = config.resilience();
    this.client = new OkHttpClient.Builder()
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.attemptTimeout())
        .writeTimeout(settings.attemptTimeout())
        .callTimeout(settings.attemptTimeout().plusSeconds(1)) // backstop; Failsafe's timeout cancels first
        .retryOnConnectionFailure(false) // retries are Failsafe's decision, never OkHttp's
        // A redirect from an API endpoint is a misconfiguration or an attack, never something to follow with our token.
        .followRedirects(false)
        .followSslRedirects(false)
        .build();
    ObjectMapper json = new ObjectMapper();
    SensitiveValues sensitive = new SensitiveValues();
    sensitive.add(config.clientSecret().reveal());
    UspsErrors errors = new UspsErrors(json, sensitive);
    CircuitBreaker<HttpResult> breaker = UspsPolicies.breaker(settings);
    UspsRateLimits limits = config.rateLimits();
    UspsTokenProvider tokens = new UspsTokenProvider(config,
        new UspsHttpClient("oauth", client, settings, breaker, null, limits, config.clock()), errors, json, sensitive);
    UspsApi payments = api("payments", limits.paymentCalls(), config, breaker, tokens, errors);
    this.labels = new UspsLabels(config, api("labels", limits.labelCalls(), config, breaker, tokens, errors),
        new UspsPaymentTokenProvider(config, payments, json, sensitive), errors, json);
    this.tracking = new UspsTracking(config, api("tracking", limits.trackingCalls(), config, breaker, tokens, errors),
        errors, json);
  }

  private UspsApi api(String name, int callsPerPeriod, UspsConfig config, CircuitBreaker<HttpResult> breaker,
      UspsTokenProvider tokens, UspsErrors errors) {
    UspsHttpClient http = new UspsHttpClient(name, client, config.resilience(), breaker, callsPerPeriod,
        config.rateLimits(), config.clock());
    quotas.put(name, http);
    return new UspsApi(http, tokens, errors, config.baseUrl());
  }

  /** Calls left in the current client-side quota window per USPS API ("labels", "payments", "tracking"). */
  public Map<String, Integer> remainingQuota() {
    Map<String, Integer> left = new TreeMap<>();
    quotas.forEach((api, http) -> http.remainingQuota().ifPresent(n -> left.put(api, n)));
    return left;
  }

  @Override
  public CarrierCode carrier() {
    return CarrierCode.USPS;
  }

  @Override
  public LabelPurchase purchaseLabels(LabelRequest request) {
    String mailClass = labels.mailClass(request);
    List<PurchasedLabel> bought = new ArrayList<>();
    for (ParcelSpec parcel : request.parcels()) {
      try {
        bought.add(labels.buy(request, parcel));
      } catch (CarrierRejectedException e) {
        voidQuietly(bought);
        throw e;
      }
    }
    return new LabelPurchase(mailClass, null, bought);
  }

  /** A package's label call carries its stored purchase key, the same on every retry. */
  @Override
  public boolean repeatedPurchasesReturnTheSameLabels() {
    return true;
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

  /** The mail classes of USPS's published Labels document. */
  @Override
  public Set<String> serviceTypes() {
    return UspsMailClasses.ALL;
  }

  /** Domestic labels only: the US, its territories and the Freely Associated States USPS serves as domestic. */
  @Override
  public Set<String> destinationCountries() {
    return UspsLabelRequestMapper.DOMESTIC;
  }

  /** A random key and today's USPS mailing date, to be stored before the first attempt. */
  @Override
  public Optional<PurchaseKey> newPurchaseKey() {
    return Optional.of(PurchaseKey.fresh(labels.today()));
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
