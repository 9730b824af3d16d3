package com.ostore.shipping.adapter.out.carrier.fedex;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.CircuitBreaker;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.OkHttpClient;

/**
 * The HTTP plumbing of one gateway: one OkHttp client, one circuit breaker for the carrier, and per
 * FedEx project (Ship, and Track when it has its own credentials) a token cache and rate limiter.
 */
final class FedexClients implements AutoCloseable {
  private final OkHttpClient http;
  private final FedexApi ship;
  private final FedexApi track;

  FedexClients(FedexConfig config, ObjectMapper json) {
    FedexResilienceSettings settings = config.resilience();
    this.http = new OkHttpClient.Builder()
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.readTimeout())
        .writeTimeout(settings.readTimeout())
        .callTimeout(settings.callTimeout().plusSeconds(1)) // backstop; Failsafe's timeout cancels first
        .retryOnConnectionFailure(false) // retries are Failsafe's decision, never OkHttp's
        // A redirect from an API endpoint is a misconfiguration or an attack, never something to follow with our token.
        .followRedirects(false)
        .followSslRedirects(false)
        .build();
    CircuitBreaker<HttpResult> breaker = FedexPolicies.breaker(settings);
    this.ship = api(config, config.shipCredentials(), breaker, json);
    this.track = config.trackCredentials().equals(config.shipCredentials())
        ? ship : api(config, config.trackCredentials(), breaker, json);
  }

  /** Client-side quota left per FedEx project ("ship", and "track" when it has its own credentials). */
  Map<String, Integer> remainingQuota() {
    Map<String, Integer> left = new TreeMap<>();
    left.put("ship", ship.remainingQuota());
    if (track != ship) {
      left.put("track", track.remainingQuota());
    }
    return left;
  }

  FedexApi ship() {
    return ship;
  }

  FedexApi track() {
    return track;
  }

  private FedexApi api(FedexConfig config, FedexCredentials credentials, CircuitBreaker<HttpResult> breaker,
      ObjectMapper json) {
    FedexHttpClient project = new FedexHttpClient(http, config.resilience(), breaker, config.clock());
    FedexTokenProvider tokens = new FedexTokenProvider(project, config.baseUrl(), credentials, config.clock(),
        config.resilience().tokenRefreshMargin(), json);
    return new FedexApi(project, tokens, config.baseUrl(), json);
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
