package com.ostore.shipping.adapter.out.carrier.fedex;

import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import com.ostore.shipping.domain.support.QuotaWindow;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.ExecutionContext;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.TimeoutExceededException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Sends requests to one FedEx project through the resilience policies and turns what Failsafe gives
 * up on into {@link CarrierUnavailableException}. Repeatable calls are retried; the others get
 * exactly one attempt.
 */
final class FedexHttpClient {
  /** Far above a 50-package label response (base64 PDFs of a few tens of KiB each). */
  static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  private final OkHttpClient client;
  private final CircuitBreaker<HttpResult> breaker;
  private final QuotaWindow window;
  private final int rateLimitCalls;
  private final Clock clock;
  private final FailsafeExecutor<HttpResult> repeatable;
  private final FailsafeExecutor<HttpResult> once;

  FedexHttpClient(OkHttpClient client, FedexResilienceSettings settings, CircuitBreaker<HttpResult> breaker, Clock clock) {
    this.client = client;
    this.breaker = breaker;
    this.clock = clock;
    this.window = new QuotaWindow(clock, settings.rateLimitPeriod());
    this.rateLimitCalls = settings.rateLimitCalls();
    var limiter = FedexPolicies.rateLimiter(settings);
    var timeout = FedexPolicies.timeout(settings);
    this.repeatable = Failsafe.with(FedexPolicies.retry(settings, this::waitAfter), breaker, limiter, timeout);
    this.once = Failsafe.with(breaker, limiter, timeout);
  }

  HttpResult send(String operation, Request request, boolean safeToRepeat) {
    try {
      return (safeToRepeat ? repeatable : once).get(context -> attempt(request, context));
    } catch (CircuitBreakerOpenException e) {
      throw FedexErrors.unavailable(operation + " not attempted: FedEx circuit breaker is open",
          breaker.getRemainingDelay(), e);
    } catch (RateLimitExceededException e) {
      throw FedexErrors.unavailable(operation + " not attempted: client-side FedEx rate limit reached",
          window.remaining(), e);
    } catch (TimeoutExceededException e) {
      throw FedexErrors.unavailable(operation + " timed out", null, e);
    } catch (FailsafeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof InterruptedIOException) {
        throw FedexErrors.unavailable(operation + " timed out (" + cause.getClass().getSimpleName() + ")", null, cause);
      }
      throw FedexErrors.unavailable(operation + " failed: " + cause.getClass().getSimpleName(), null, cause);
    }
  }

  /** How long FedEx asked us to wait after this answer, if it did. */
  Duration waitAfter(HttpResult result) {
    if (FedexErrors.isDailyQuota(result)) {
      return FedexErrors.untilNextUtcMidnight(clock.instant());
    }
    Duration header = result.retryAfter(clock.instant()).orElse(null);
    if (header != null) {
      return header;
    }
    return result.code() == 429 ? window.remaining() : null;
  }

  private HttpResult attempt(Request request, ExecutionContext<HttpResult> context) throws IOException {
    window.onCall();
    Call call = client.newCall(request);
    context.onCancel(call::cancel);
    try (Response response = call.execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : new String(readCapped(body, MAX_RESPONSE_BYTES), StandardCharsets.UTF_8);
      return new HttpResult(response.code(), text, response.header("Retry-After"));
    }
  }

  /** Calls this project may still make in FedEx's current rate-limit window, as this client counts them. */
  int remainingQuota() {
    return window.remainingCalls(rateLimitCalls);
  }

  /**
   * The body, or an IOException once it passes {@code cap} bytes: a misbehaving endpoint cannot make
   * the service hold an unbounded answer in memory. At most {@code cap + 1} bytes are ever read.
   */
  static byte[] readCapped(ResponseBody body, long cap) throws IOException {
    BufferedSource source = body.source();
    if (source.request(cap + 1)) {
      throw new IOException("FedEx response is larger than " + cap + " bytes");
    }
    return source.getBuffer().readByteArray();
  }
}

