package com.ostore.shipping.sandbox.usps;

import com.ostore.shipping.sandbox.contract.Carrier;
import com.ostore.shipping.sandbox.contract.CarrierContracts;
import com.ostore.shipping.sandbox.contract.ContractViolation;
import com.ostore.shipping.sandbox.faults.HourlyQuota;
import com.ostore.shipping.sandbox.faults.ScriptedRefusals;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A local stand-in for USPS's v3 APIs (OAuth, payments, labels, tracking v3r2 and v3) on 127.0.0.1 and a
 * free port, with the same paths and body shapes, scriptable faults and a clock-driven tracking
 * progression. Every request body is checked against USPS's published contract first and refused
 * with USPS's error envelope when it breaks it. Never for production.
 */
public final class UspsSimulator implements AutoCloseable {
  public static final String DEFAULT_CLIENT_ID = "usps-sim-client";
  public static final String DEFAULT_CLIENT_SECRET = "usps-sim-secret";

  private final Clock clock;
  private final UspsSimCounters counters = new UspsSimCounters();
  private final UspsSimFaults faults = new UspsSimFaults();
  private final UspsSimParcels parcels = new UspsSimParcels();
  private final UspsSimAuth auth;
  private final UspsSimLabels labels;
  private final UspsSimTracking tracking;
  private final HourlyQuota trackingQuota;
  private Javalin app;

  public UspsSimulator() {
    this(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, Clock.systemUTC());
  }

  public UspsSimulator(String clientId, String clientSecret, Clock clock) {
    this.clock = clock;
    this.auth = new UspsSimAuth(clientId, clientSecret, clock, counters);
    this.labels = new UspsSimLabels(parcels, counters, clock);
    this.tracking = new UspsSimTracking(parcels, counters, clock);
    this.trackingQuota = new HourlyQuota(clock);
  }

  public synchronized UspsSimulator start() {
    if (app == null) {
      CarrierContracts.published().warmUp(Carrier.USPS);
      app = Javalin.create(config -> {
        config.startup.showJavalinBanner = false;
        config.routes
            .post("/oauth2/v3/token", faulty(true, conforming("/oauth2/v3", auth::issueToken)))
            .post("/payments/v3/payment-authorization", api("/payments/v3", auth::issuePaymentToken))
            .post("/labels/v3/label", api("/labels/v3", paid(labels::create)))
            .delete("/labels/v3/label", api("/labels/v3", paid(labels::cancelByKey)))
            .delete("/labels/v3/label/{trackingNumber}", api("/labels/v3", paid(labels::cancel)))
            .post("/tracking/v3r2/tracking", api("/tracking/v3r2", quota(tracking::batch)))
            .get("/tracking/v3/tracking/{trackingNumber}", api("/tracking/v3", tracking::single));
      }).start("127.0.0.1", 0);
    }
    return this;
  }

  public String baseUrl() {
    if (app == null) {
      throw new IllegalStateException("start() the simulator first");
    }
    return "http://127.0.0.1:" + app.port();
  }

  @Override
  public synchronized void close() {
    if (app != null) {
      app.stop();
      app = null;
    }
  }

  public UspsSimFaults faults() {
    return faults;
  }

  /** The tracking API's hourly quota (off until a limit is set), as USPS's 60 calls an hour per API. */
  public HourlyQuota trackingQuota() {
    return trackingQuota;
  }

  public UspsSimCounters counters() {
    return counters;
  }

  /** How long new access tokens live (sent as the string {@code expires_in}); default 8 hours. */
  public UspsSimulator tokenLifetime(Duration lifetime) {
    auth.tokenLifetime(lifetime);
    return this;
  }

  /** Every access and payment token stops working now (API calls answer 401). */
  public void revokeTokens() {
    auth.revokeAll();
  }

  /** Labels sold under this customer reference (packageDescription.customerReference) and not voided. */
  public List<String> liveTrackingNumbers(String customerReference) {
    return parcels.live(customerReference);
  }

  /** Whether USPS holds this label as voided (unknown numbers are not). */
  public boolean isCancelled(String trackingNumber) {
    return parcels.isCancelled(trackingNumber);
  }

  /** The zone whose date decides whether a label's mailingDate is in the past; default America/New_York. */
  public UspsSimulator mailingZone(ZoneId zone) {
    labels.mailingZone(zone);
    return this;
  }

  /**
   * Switches v3r2 tracking on, or off: its path then answers the API gateway's own 404 (not USPS's
   * error envelope), as for an app the tracking product is not offered to.
   */
  public UspsSimulator v3r2Enabled(boolean enabled) {
    tracking.v3r2(enabled, false);
    return this;
  }

  /** v3r2 answers 400 OASValidation to every request shape, as USPS's gateway does for some apps. */
  public UspsSimulator v3r2RejectsRequestShape() {
    tracking.v3r2(true, true);
    return this;
  }

  /** Time between scans GX, 03, 10, T1, OF, 01 of every package; default 12 hours. */
  public UspsSimulator trackingStep(Duration step) {
    tracking.step(step);
    return this;
  }

  /** Adds a scan now, e.g. ("DX", "Delivery Status Not Updated") or ("05", "Undeliverable as Addressed"). */
  public void scriptScan(String trackingNumber, String eventCode, String description) {
    parcels.addScan(trackingNumber, new UspsSimParcels.Scan(eventCode, description, clock.instant(), "HERNANDO", "FL",
        "34442"));
  }

  /** Makes a number trackable as if its label was created now, without selling or charging a label. */
  public void registerTrackingNumber(String trackingNumber, String city, String state, String zip) {
    parcels.register(trackingNumber, clock.instant(), city, state, zip);
  }

  public Instant now() {
    return clock.instant();
  }

  private Handler api(String apiVersion, Handler handler) {
    return faulty(false, ctx -> {
      if (auth.authorized(ctx, apiVersion)) {
        conforming(apiVersion, refusable(apiVersion, handler)).handle(ctx);
      }
    });
  }

  /** Refuses, as USPS does, a body its published contract does not allow. */
  private Handler conforming(String apiVersion, Handler handler) {
    return ctx -> {
      List<ContractViolation> violations = CarrierContracts.published().checkRequest(Carrier.USPS,
          ctx.method().name(), ctx.path(), ctx.contentType(), ctx.body());
      if (violations.isEmpty()) {
        handler.handle(ctx);
        return;
      }
      counters.contractRejections.incrementAndGet();
      ctx.status(400).contentType("application/json").result(UspsSimJson.invalid(apiVersion,
          ContractViolation.specific(violations)));
    };
  }

  private Handler refusable(String apiVersion, Handler handler) {
    return ctx -> {
      Optional<ScriptedRefusals.Refusal> refusal = faults.refusal(ctx.path());
      if (refusal.isEmpty()) {
        handler.handle(ctx);
        return;
      }
      int status = refusal.get().status();
      ctx.status(status).contentType("application/json").result(UspsSimJson.error(apiVersion, status,
          status == 403 ? "Forbidden" : "Bad Request", refusal.get().code(), status == 403 ? "Forbidden" : "Bad Request",
          refusal.get().message(), apiVersion.equals("/payments/v3") ? "roles" : null));
    };
  }

  private Handler quota(Handler handler) {
    return ctx -> {
      if (trackingQuota.take()) {
        handler.handle(ctx);
        return;
      }
      ctx.header("Retry-After", String.valueOf(trackingQuota.secondsToNextHour()));
      String message = "Exceeded quota limit.";
      ctx.status(429).contentType("application/json")
          .result(UspsSimJson.error(ctx.path(), 429, message, null, "Too Many Requests", message, null));
    };
  }

  private Handler paid(Handler handler) {
    return ctx -> {
      if (auth.paymentAuthorized(ctx)) {
        handler.handle(ctx);
      }
    };
  }

  private Handler faulty(boolean oauth, Handler handler) {
    return ctx -> {
      Duration latency = faults.latency();
      if (!latency.isZero()) {
        Thread.sleep(latency.toMillis());
      }
      switch (faults.decide(oauth)) {
        case HANG -> {
          Thread.sleep(faults.hangFor().toMillis());
          unavailable(ctx, 503, "Service Unavailable");
        }
        case TOO_MANY -> unavailable(ctx, 429, "Too Many Requests");
        case UNAVAILABLE -> unavailable(ctx, 503, "Service Unavailable");
        case PASS -> handler.handle(ctx);
      }
    };
  }

  private void unavailable(Context ctx, int status, String title) {
    int retryAfter = faults.retryAfterSeconds();
    if (retryAfter > 0) {
      ctx.header("Retry-After", String.valueOf(retryAfter));
    }
    String message = status == 429 ? "Exceeded quota limit." : "The service is temporarily unavailable.";
    ctx.status(status).contentType("application/json")
        .result(UspsSimJson.error(ctx.path(), status, message, null, title, message, null));
  }
}
