package com.ostore.shipping.bootstrap.metrics;

import com.ostore.shipping.domain.support.Secret;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /metrics} in the Prometheus text format, on its own port: the API's callers never reach
 * it, and where that port is shared with more than the monitoring network a bearer token guards it
 * (compared in constant time).
 */
public final class MetricsEndpoint implements AutoCloseable {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Javalin server;

  private MetricsEndpoint(Javalin server) {
    this.server = server;
  }

  public static MetricsEndpoint start(int port, Optional<Secret> token, ServiceMetrics metrics) {
    Javalin server = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.port = port;
      config.routes.get("/metrics", ctx -> {
        if (token.isPresent() && !authorized(ctx, token.get())) {
          ctx.status(401).header("WWW-Authenticate", "Bearer realm=\"metrics\"")
              .json(Map.of("error", "a valid metrics bearer token is required"));
          return;
        }
        ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape());
      });
    });
    server.start();
    return new MetricsEndpoint(server);
  }

  public int port() {
    return server.port();
  }

  private static boolean authorized(Context ctx, Secret token) {
    String header = ctx.header("Authorization");
    byte[] given = (header == null ? "" : header).getBytes(StandardCharsets.UTF_8);
    byte[] expected = ("Bearer " + token.reveal()).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, expected);
  }

  @Override
  public void close() {
    server.stop();
  }
}
