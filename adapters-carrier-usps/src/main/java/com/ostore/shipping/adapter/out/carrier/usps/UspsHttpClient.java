package com.ostore.shipping.adapter.out.carrier.usps;

import com.ostore.shipping.domain.model.CarrierCode;
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
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Sends requests to one USPS API (its quota is counted per API) through the resilience policies and
 * returns the last answer; what Failsafe gives up on becomes {@link CarrierUnavailableException}.
 */
final class UspsHttpClient {
  /** Far above a label answer (a multipart PDF of a few hundred KiB). */
  static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  private final String api;
  private final OkHttpClient client;
  private final CircuitBreaker<HttpResult> breaker;
  private final QuotaWindow window;
  private final Integer callsPerPeriod;
  private final Clock clock;
  private final FailsafeExecutor<HttpResult> executor;

  UspsHttpClient(String api, OkHttpClient client, UspsResilience settings, CircuitBreaker<HttpResult> breaker,
      Integer callsPerPeriod, UspsRateLimits limits, Clock clock) {
    this.api = api;
    this.client = client;
    this.breaker = breaker;
    this.clock = clock;
    this.window = new QuotaWindow(clock, limits.period());
    this.callsPerPeriod = callsPerPeriod;
    var retry = UspsPolicies.retry(settings, this::waitAfter);
    var timeout = UspsPolicies.timeout(settings);
    this.executor = callsPerPeriod == null ? Failsafe.with(retry, breaker, timeout)
        : Failsafe.with(retry, breaker, UspsPolicies.rateLimiter(callsPerPeriod, limits), timeout);
  }

  String api() {
    return api;
  }

  HttpResult send(Request request) {
    try {
      return executor.get(context -> attempt(request, context));
    } catch (CircuitBreakerOpenException e) {
      throw unavailable("USPS " + api + " not attempted: circuit breaker is open", breaker.getRemainingDelay(), e);
    } catch (RateLimitExceededException e) {
      throw unavailable("USPS " + api + " not attempted: client-side quota used up for now", window.remaining(), e);
    } catch (TimeoutExceededException e) {
      throw unavailable("USPS " + api + " timed out", null, e);
    } catch (FailsafeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof InterruptedIOException) {
        throw unavailable("USPS " + api + " timed out (" + cause.getClass().getSimpleName() + ")", null, cause);
      }
      throw unavailable("USPS " + api + " unreachable: " + cause.getClass().getSimpleName(), null, cause);
    }
  }

  /** How long USPS asked us to wait after this answer: its Retry-After, else the rest of the quota window on a 429. */
  Duration waitAfter(HttpResult result) {
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
      return new HttpResult(response.code(), response.header("Content-Type", ""), response.header("Retry-After"),
          body == null ? new byte[0] : readCapped(body, MAX_RESPONSE_BYTES));
    }
  }

  /** Calls left in the current quota window as this client counts them; empty when the API has no quota. */
  OptionalInt remainingQuota() {
    return callsPerPeriod == null ? OptionalInt.empty() : OptionalInt.of(window.remainingCalls(callsPerPeriod));
  }

  /**
   * The body, or an IOException once it passes {@code cap} bytes: a misbehaving endpoint cannot make
   * the service hold an unbounded answer in memory. At most {@code cap + 1} bytes are ever read.
   */
  static byte[] readCapped(ResponseBody body, long cap) throws IOException {
    BufferedSource source = body.source();
    if (source.request(cap + 1)) {
      throw new IOException("USPS response is larger than " + cap + " bytes");
    }
    return source.getBuffer().readByteArray();
  }


  private static CarrierUnavailableException unavailable(String message, Duration retryAfter, Throwable cause) {
    return new CarrierUnavailableException(CarrierCode.USPS, message, null, retryAfter, cause);
  }
}
