package com.ostore.shipping.sandbox.fedex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ostore.shipping.sandbox.contract.Carrier;
import com.ostore.shipping.sandbox.contract.CarrierContracts;
import com.ostore.shipping.sandbox.contract.ContractViolation;
import com.ostore.shipping.sandbox.faults.ScriptedRefusals;
import com.ostore.shipping.sandbox.net.CallLog;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The simulator's HTTP side: faults first, then the bearer token, then the request body against FedEx's
 * published contract (refused as FedEx refuses invalid input), then scripted refusals, then the operation.
 */
final class FedexSimRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FedexSimulator sim;
  private final FedexSimShipping shipping;
  private final FedexSimTracking tracking;

  FedexSimRoutes(FedexSimulator sim) {
    this.sim = sim;
    this.shipping = new FedexSimShipping(sim);
    this.tracking = new FedexSimTracking(sim);
  }

  void register(RoutesConfig app) {
    app.post("/oauth/token", logged("oauth", guarded(this::token, false)));
    app.post("/ship/v1/shipments", logged("ship", guarded(ctx -> send(ctx, shipping.create(body(ctx))), true)));
    app.put("/ship/v1/shipments/cancel", logged("ship", guarded(ctx -> send(ctx, shipping.cancel(body(ctx))), true)));
    app.post("/track/v1/trackingnumbers", logged("track", guarded(ctx -> {
      if (sim.trackingQuota.take()) {
        send(ctx, tracking.byNumbers(body(ctx)));
      } else {
        send(ctx, new FedexSimReply(429, FedexSimJson.error("TOO.MANY.REQUESTS.ERROR", "Too many requests - "
            + "Daily transaction quota exceeded. Retry after 12:00AM GMT")));
      }
    }, true)));
    app.post("/track/v1/referencenumbers", logged("track",
        guarded(ctx -> send(ctx, tracking.byReference(body(ctx))), true)));
  }

  /** Records the call in the simulator's call log once it is answered, under its customer reference. */
  private Handler logged(String api, Handler handler) {
    return ctx -> {
      long arrived = System.nanoTime();
      try {
        handler.handle(ctx);
      } finally {
        String retryAfter = ctx.res().getHeader("Retry-After");
        sim.calls.record(new CallLog.Call(arrived, api, customerReference(ctx), ctx.statusCode(),
            retryAfter == null ? -1 : Integer.parseInt(retryAfter)));
      }
    };
  }

  private static String customerReference(Context ctx) {
    for (JsonNode references : body(ctx).findValues("customerReferences")) {
      for (JsonNode reference : references) {
        if ("CUSTOMER_REFERENCE".equals(reference.path("customerReferenceType").asText())) {
          return reference.path("value").asText("");
        }
      }
    }
    return "";
  }

  private Handler guarded(Handler operation, boolean needsToken) {
    return ctx -> {
      // Read the request as it arrives, before any scripted delay: once close() is under way a body read
      // late can come back empty and would be counted as a request the published contract refuses.
      ctx.bodyAsBytes();
      if (needsToken) {
        sim.faults.holdIfDue(() -> sim.closed);
      }
      pause(sim.faults.latency());
      FedexFaults.Fault fault = sim.faults.next();
      if (fault != FedexFaults.Fault.NONE) {
        sim.counters.faultsInjected.incrementAndGet();
      }
      if (fault == FedexFaults.Fault.HANG) {
        pause(sim.faults.hangDuration());
      }
      // Also the answer of a server woken from a pause by close(): it is going down and does no more work.
      if (fault == FedexFaults.Fault.SERVER_ERROR || sim.closed) {
        send(ctx, new FedexSimReply(503, FedexSimJson.error("SERVICE.UNAVAILABLE.ERROR",
            "The service is currently unavailable and we are working to resolve the issue.")));
        return;
      }
      if (fault == FedexFaults.Fault.THROTTLE) {
        if (sim.faults.retryAfterSeconds() >= 0) {
          ctx.header("Retry-After", Integer.toString(sim.faults.retryAfterSeconds()));
        }
        send(ctx, new FedexSimReply(429, FedexSimJson.error("TOO.MANY.REQUESTS.ERROR", "Too many requests - We have "
            + "received too many requests in a short duration. Please wait a while to try again.")));
        return;
      }
      if (needsToken && !authorized(ctx.header("Authorization"))) {
        send(ctx, new FedexSimReply(401, FedexSimJson.error("NOT.AUTHORIZED.ERROR",
            "Access token expired. Please modify your request and try again.")));
        return;
      }
      List<ContractViolation> violations = CarrierContracts.published().checkRequest(Carrier.FEDEX,
          ctx.method().name(), ctx.path(), ctx.contentType(), ctx.body());
      if (!violations.isEmpty()) {
        sim.counters.contractRejections.incrementAndGet();
        send(ctx, FedexSimReply.invalid(ContractViolation.specific(violations)));
        return;
      }
      Optional<ScriptedRefusals.Refusal> refusal = needsToken ? sim.faults.refusal(ctx.path()) : Optional.empty();
      if (refusal.isPresent()) {
        send(ctx, new FedexSimReply(refusal.get().status(),
            FedexSimJson.error(refusal.get().code(), refusal.get().message())));
        return;
      }
      operation.handle(ctx);
    };
  }

  private void token(Context ctx) {
    sim.counters.tokenCalls.incrementAndGet();
    if (!"client_credentials".equals(ctx.formParam("grant_type"))
        || !sim.settings.clientId().equals(ctx.formParam("client_id"))
        || !sim.settings.clientSecret().equals(ctx.formParam("client_secret"))) {
      send(ctx, new FedexSimReply(401, FedexSimJson.error("NOT.AUTHORIZED.ERROR",
          "The given client credentials were not valid. Please modify your request and try again.")));
      return;
    }
    String token = "sim-" + UUID.randomUUID();
    Duration lifetime = sim.settings.tokenLifetime();
    sim.tokens.put(token, sim.settings.clock().instant().plus(lifetime));
    ObjectNode body = JSON.createObjectNode().put("access_token", token).put("token_type", "bearer")
        .put("expires_in", lifetime.toSeconds()).put("scope", "CXS-TP");
    send(ctx, new FedexSimReply(200, body));
  }

  private boolean authorized(String header) {
    if (header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    Instant expiresAt = sim.tokens.get(header.substring("Bearer ".length()));
    return expiresAt != null && sim.settings.clock().instant().isBefore(expiresAt);
  }

  private static JsonNode body(Context ctx) {
    try {
      return JSON.readTree(ctx.body());
    } catch (Exception notJson) {
      return JSON.createObjectNode();
    }
  }

  private static void send(Context ctx, FedexSimReply reply) {
    ctx.status(reply.status()).contentType("application/json").result(reply.body().toString());
  }

  private void pause(Duration duration) throws InterruptedException {
    long until = System.nanoTime() + duration.toNanos();
    while (!sim.closed && System.nanoTime() < until) {
      Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
    }
  }
}
