package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
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
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(useCases, "useCases");
    ObjectMapper mapper = JsonMapper.create();
    JsonBody body = new JsonBody(mapper, config.maxRequestBodyBytes());
    HealthHandler health = new HealthHandler(useCases.health());
    Javalin app = Javalin.create(javalin -> {
      javalin.showJavalinBanner = false;
      javalin.jsonMapper(new JavalinJackson(mapper, false));
      javalin.jetty.defaultPort = config.port();
      javalin.http.maxRequestSize = config.maxRequestBodyBytes();
      javalin.http.prefer405over404 = true;
      javalin.requestLogger.http((ctx, millis) -> ACCESS_LOG.info("{} {} {} {}ms requestId={}",
          ctx.method(), ctx.path(), ctx.statusCode(), Math.round(millis), RequestIds.of(ctx)));
    });
    app.before(RequestIds::assign);
    app.post("/shipments", new CreateShipmentHandler(useCases.createShipment(), body));
    app.get("/shipments/{shipmentID}", new GetShipmentHandler(useCases.getShipment()));
    app.post("/shipments/{shipmentID}/cancel", new CancelShipmentHandler(useCases.cancelShipment()));
    app.get("/orders/{orderID}/shipments", new ListOrderShipmentsHandler(useCases.listOrderShipments()));
    app.get("/packages/{packageID}/events", new TrackingHistoryHandler(useCases.trackingHistory()));
    app.get("/packages/{packageID}/label", new LabelHandler(useCases.label()));
    app.get("/health/live", health::live);
    app.get("/health/ready", health::ready);
    ErrorMapper.register(app);
    return app;
  }
}
