package com.ostore.shipping.adapter.in.http;

import com.ostore.shipping.application.port.in.IdempotencyKeyReusedException;
import com.ostore.shipping.application.port.in.ShipmentNotCancellableException;
import com.ostore.shipping.application.port.in.ShipmentNotFoundException;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import com.ostore.shipping.domain.port.out.StorageUnavailableException;
import com.ostore.shipping.domain.model.ValidationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that turns exceptions into {@code {"error": "..."}} responses. */
final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  /** Long enough for a restarted database or a failover to be taken up by the pool, short enough to matter. */
  static final String DATABASE_RETRY_AFTER_SECONDS = "2";

  private ErrorMapper() {}

  static void register(RoutesConfig app) {
    app.exception(ValidationException.class, (e, ctx) -> write(ctx, 400, e.getMessage()));
    app.exception(HttpProblem.class, (e, ctx) -> write(ctx, e.status(), e.getMessage()));
    app.exception(ShipmentNotFoundException.class, (e, ctx) -> write(ctx, 404, notFoundMessage(ctx)));
    app.exception(ShipmentNotCancellableException.class, (e, ctx) -> write(ctx, 409, e.getMessage()));
    app.exception(CarrierRejectedException.class, (e, ctx) -> write(ctx, 409, e.getMessage()));
    app.exception(IdempotencyKeyReusedException.class, (e, ctx) -> write(ctx, 422, e.getMessage()));
    app.exception(CarrierUnavailableException.class, (e, ctx) -> {
      e.retryAfter().ifPresent(wait -> ctx.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds()))));
      write(ctx, 503, "the carrier cannot be reached right now; try again later");
    });
    app.exception(StorageUnavailableException.class, (e, ctx) -> {
      LOG.warn("database unavailable on {} {} (requestId={}): {}", ctx.method(), ctx.path(), RequestIds.of(ctx),
          e.getMessage());
      ctx.header("Retry-After", DATABASE_RETRY_AFTER_SECONDS);
      write(ctx, 503, "the database cannot be reached right now; nothing was changed, try again shortly");
    });
    app.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(), javalinMessage(e)));
    app.exception(Exception.class, ErrorMapper::internalError);
  }

  private static void internalError(Exception e, Context ctx) {
    String correlationId = UUID.randomUUID().toString();
    LOG.error("Internal error on {} {} (correlationId={}, requestId={})", ctx.method(), ctx.path(), correlationId,
        RequestIds.of(ctx), e);
    ctx.status(500).json(new ErrorResponse("Internal error", correlationId));
  }

  private static void write(Context ctx, int status, String message) {
    ctx.status(status).json(ErrorResponse.of(message));
  }

  /** The use case's message may carry ids and wording of its own; callers get the seed's fixed words. */
  private static String notFoundMessage(Context ctx) {
    String route = ctx.endpoint().path;
    if (route.endsWith("/label")) {
      return "Label not found";
    }
    return route.startsWith("/packages/") ? "Package not found" : "Shipment not found";
  }

  /** Javalin's own messages name its internals (e.g. "Endpoint GET /x not found"); keep ours short. */
  private static String javalinMessage(HttpResponseException e) {
    return switch (e.getStatus()) {
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      default -> HttpStatus.forStatus(e.getStatus()).getMessage();
    };
  }
}
