package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the shipment API as a Javalin app from the use cases; the caller starts and stops it
 * ({@code app.start()} binds {@link HttpConfig#port()}).
 */
public final class HttpApi {
  private static final Logger ACCESS_LOG = LoggerFactory.getLogger("com.ostore.shipping.http.access");

  private HttpApi() {}

  public static Javalin create(HttpConfig config, HttpUseCases useCases) {
    return create(config, useCases, RequestObserver.NONE);
  }

  /** As {@link #create(HttpConfig, HttpUseCases)}, telling {@code observer} about every finished request. */
  public static Javalin create(HttpConfig config, HttpUseCases useCases, RequestObserver observer) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(useCases, "useCases");
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
        ACCESS_LOG.info("{} {} {} {}ms requestId={}", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(millis),
            RequestIds.of(ctx));
        observer.finished(ctx.method().name(), Routes.matched(ctx), ctx.statusCode(),
            Duration.ofNanos(Math.round(millis * 1_000_000)));
        RequestIds.finished();
      });
      routes(javalin.routes, useCases, body, new HealthHandler(useCases.health()));
    });
  }

  private static void routes(RoutesConfig routes, HttpUseCases useCases, JsonBody body, HealthHandler health) {
    routes.before(RequestIds::assign);
    routes.post("/shipments", new CreateShipmentHandler(useCases.createShipment(), body));
    routes.get("/shipments/{shipmentID}", new GetShipmentHandler(useCases.getShipment()));
    routes.post("/shipments/{shipmentID}/cancel", new CancelShipmentHandler(useCases.cancelShipment()));
    routes.get("/orders/{orderID}/shipments", new ListOrderShipmentsHandler(useCases.listOrderShipments()));
    routes.get("/packages/{packageID}/events", new TrackingHistoryHandler(useCases.trackingHistory()));
    routes.get("/packages/{packageID}/label", new LabelHandler(useCases.label()));
    routes.get("/health/live", health::live);
    routes.get("/health/ready", health::ready);
    routes.get("/openapi.json", OpenApiDocument.handler());
    ErrorMapper.register(routes);
  }
}
