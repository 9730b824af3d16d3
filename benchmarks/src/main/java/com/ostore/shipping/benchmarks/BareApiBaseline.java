package com.ostore.shipping.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bare baseline of the API benchmark: the least a Javalin + HikariCP service can do for the same
 * two requests on the same database. {@code POST /shipments} parses the JSON body and runs one INSERT;
 * {@code GET /shipments/{id}} runs one SELECT; both answer JSON. No authentication, no validation beyond
 * reading {@code orderID}, no background work. Its table lives in a schema of its own.
 *
 * <p>Started by {@link ApiBenchmark} as a separate JVM with the same flags as the service.
 */
public final class BareApiBaseline {
  private static final String SCHEMA = "bare_baseline";

  private BareApiBaseline() {}

  public static void main(String[] args) throws SQLException {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(System.getenv("DATABASE_URL"));
    hikari.setUsername(System.getenv("DATABASE_USER"));
    hikari.setPassword(System.getenv("DATABASE_PASSWORD"));
    hikari.setMaximumPoolSize(Integer.parseInt(System.getenv().getOrDefault("DATABASE_POOL_SIZE", "10")));
    HikariDataSource db = new HikariDataSource(hikari);
    createTable(db);
    ObjectMapper json = new ObjectMapper();
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(json, false));
      config.jetty.port = Integer.parseInt(System.getenv("PORT"));
      config.routes.post("/shipments", ctx -> create(ctx, db, json));
      config.routes.get("/shipments/{id}", ctx -> read(ctx, db));
    });
    app.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      db.close();
    }));
  }

  private static void createTable(HikariDataSource db) throws SQLException {
    try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
      statement.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + ".shipments (id BIGSERIAL PRIMARY KEY,"
          + " order_id BIGINT NOT NULL, shipping_address TEXT NOT NULL, shipment_status VARCHAR(50) NOT NULL,"
          + " created_at TIMESTAMPTZ NOT NULL DEFAULT now())");
    }
  }

  private static void create(Context ctx, HikariDataSource db, ObjectMapper json) throws IOException, SQLException {
    JsonNode body = json.readTree(ctx.bodyAsBytes());
    long orderId = body.path("orderID").asLong();
    String address = body.path("shippingAddress").asText();
    try (Connection connection = db.getConnection(); PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO " + SCHEMA + ".shipments (order_id, shipping_address, shipment_status) VALUES (?, ?, 'pending')"
            + " RETURNING id, created_at")) {
      insert.setLong(1, orderId);
      insert.setString(2, address);
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        long id = row.getLong(1);
        ctx.status(201).header("Location", "/shipments/" + id)
            .json(shipment(id, orderId, address, "pending", row.getTimestamp(2).toInstant().toString()));
      }
    }
  }

  private static void read(Context ctx, HikariDataSource db) throws SQLException {
    long id = Long.parseLong(ctx.pathParam("id"));
    try (Connection connection = db.getConnection(); PreparedStatement select = connection.prepareStatement(
        "SELECT order_id, shipping_address, shipment_status, created_at FROM " + SCHEMA + ".shipments WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          ctx.status(404).json(Map.of("error", "Shipment not found"));
          return;
        }
        ctx.json(shipment(id, row.getLong(1), row.getString(2), row.getString(3),
            row.getTimestamp(4).toInstant().toString()));
      }
    }
  }

  private static Map<String, Object> shipment(long id, long orderId, String address, String status, String createdAt) {
    Map<String, Object> shipment = new LinkedHashMap<>();
    shipment.put("shipmentID", id);
    shipment.put("orderID", orderId);
    shipment.put("shippingAddress", address);
    shipment.put("shipmentStatus", status);
    shipment.put("createdAt", createdAt);
    return shipment;
  }
}
