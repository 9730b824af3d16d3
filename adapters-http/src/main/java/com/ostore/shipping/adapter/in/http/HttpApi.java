package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ostore.shipping.adapter.in.http.auth.Access;
import com.ostore.shipping.adapter.in.http.auth.ApiSecurity;
import com.ostore.shipping.adapter.in.http.auth.Scope;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the shipment API as a Javalin app from the use cases; the caller starts and stops it
 * ({@code app.start()} binds {@link HttpConfig#port()}). Every route names the scope it needs (or
 * {@link Access#PUBLIC}); {@link ApiSecurity} enforces it before the route runs.
 */
public final class HttpApi {
  private static final Logger ACCESS_LOG = LoggerFactory.getLogger("com.ostore.shipping.http.access");

  private HttpApi() {}

  public static Javalin create(HttpConfig config, HttpUseCases useCases, ApiSecurity security) {
    return create(config, useCases, security, RequestObserver.NONE);
  }

  /** As {@link #create(HttpConfig, HttpUseCases, ApiSecurity)}, telling {@code observer} about every finished request. */
  public static Javalin create(HttpConfig config, HttpUseCases useCases, ApiSecurity security,
      RequestObserver observer) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(useCases, "useCases");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(observer, "observer");
    ObjectMapper mapper = JsonMapper.create();
    JsonBody body = new JsonBody(mapper, config.maxRequestBodyBytes());
    return Javalin.create(javalin -> {
      javalin.startup.showJavalinBanner = false;
      javalin.jsonMapper(new JavalinJackson(mapper, false));
      javalin.jetty.port = config.port();
      javalin.http.maxRequestSize = config.maxRequestBodyBytes();
      javalin.http.prefer405over404 = true;
      javalin.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
      javalin.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler()));
      javalin.requestLogger.http((ctx, millis) -> {
        // Checked first so that a request that gets no line (config.accessLog(), or the logger's level) pays
        // nothing for it.
        if (config.accessLog().logs(ctx.statusCode()) && ACCESS_LOG.isInfoEnabled()) {
          // Joined here rather than from a "{}" pattern: the same line without the formatter's parsing and boxing.
          ACCESS_LOG.info(ctx.method() + " " + ctx.path() + " " + ctx.statusCode() + " " + Math.round(millis)
              + "ms requestId=" + RequestIds.of(ctx));
        }
        observer.finished(ctx.method().name(), Routes.matched(ctx), ctx.statusCode(),
            Duration.ofNanos(Math.round(millis * 1_000_000)));
        RequestIds.finished();
      });
      security.install(javalin.routes);
      CanonicalJson json = new CanonicalJson(mapper);
      routes(javalin.routes, useCases, body, json, new ApiShipmentRenderer(json),
          new HealthHandler(useCases.health()));
    });
  }

  private static void routes(RoutesConfig routes, HttpUseCases useCases, JsonBody body, CanonicalJson json,
      ApiShipmentRenderer renderer, HealthHandler health) {
    routes.before(RequestIds::assign);
    routes.post("/shipments", new CreateShipmentHandler(useCases.createShipment(),
        useCases.idempotentCreateShipment(), body, json, renderer), Scope.SHIPMENTS_WRITE);
    routes.get("/shipments/{shipmentID}", new GetShipmentHandler(useCases.getShipment(), renderer),
        Scope.SHIPMENTS_READ);
    routes.post("/shipments/{shipmentID}/cancel", new CancelShipmentHandler(useCases.cancelShipment()),
        Scope.SHIPMENTS_CANCEL);
    routes.get("/orders/{orderID}/shipments", new ListOrderShipmentsHandler(useCases.listOrderShipments()),
        Scope.SHIPMENTS_READ);
    routes.get("/packages/{packageID}/events", new TrackingHistoryHandler(useCases.trackingHistory()),
        Scope.SHIPMENTS_READ);
    routes.get("/packages/{packageID}/label", new LabelHandler(useCases.label()), Scope.LABELS_READ);
    routes.get("/health/live", health::live, Access.PUBLIC);
    routes.get("/health/ready", health::ready, Access.PUBLIC);
    // Only the health probes are open (the rule); any caller allowed to read shipments may read this.
    routes.get("/openapi.json", OpenApiDocument.handler(), Scope.SHIPMENTS_READ);
    ErrorMapper.register(routes);
  }
}
