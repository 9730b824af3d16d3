package com.ostore.shipping.sandbox.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Another application that shares the database, as a team's shop database would: its own tables in
 * {@code public}, some named like the service's ({@code shipments}, {@code outbox}), a view and a
 * Flyway migration history of its own. {@link #everythingOutside(String)} records the whole database
 * but one schema, so a test can show a program left all of it as it was.
 */
public final class NeighbourApplication {
  private static final String TABLES = """
      CREATE TABLE public.orders (id BIGSERIAL PRIMARY KEY, customer TEXT NOT NULL, total NUMERIC(10, 2) NOT NULL);
      CREATE TABLE public.shipments (id BIGSERIAL PRIMARY KEY, order_id BIGINT NOT NULL REFERENCES public.orders (id),
          courier TEXT NOT NULL);
      CREATE TABLE public.outbox (id BIGSERIAL PRIMARY KEY, topic TEXT NOT NULL, body TEXT NOT NULL);
      CREATE VIEW public.open_orders AS
          SELECT o.id, o.customer FROM public.orders o WHERE NOT EXISTS (
              SELECT 1 FROM public.shipments s WHERE s.order_id = o.id);
      INSERT INTO public.orders (customer, total) VALUES ('Ada', 12.50), ('Grace', 99.00);
      INSERT INTO public.shipments (order_id, courier) VALUES (1, 'DHL');
      INSERT INTO public.outbox (topic, body) VALUES ('orders', '{"order": 2}');
      CREATE TABLE public.flyway_schema_history (installed_rank INT PRIMARY KEY, version VARCHAR(50),
          description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL, checksum INT,
          installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT now(),
          execution_time INT NOT NULL, success BOOLEAN NOT NULL);
      INSERT INTO public.flyway_schema_history VALUES
          (1, '1', 'orders', 'SQL', 'V1__orders.sql', 1180462311, 'shop', '2025-03-01 10:00', 12, true),
          (2, '2', 'shipments outbox', 'SQL', 'V2__shipments_outbox.sql', -52214410, 'shop', '2025-04-01 10:00', 9,
           true);
      """;

  private final DatabaseCoordinates database;

  private NeighbourApplication(DatabaseCoordinates database) {
    this.database = database;
  }

  /** Creates the neighbour's tables, with some rows, in {@code public} of {@code database}. */
  public static NeighbourApplication installIn(DatabaseCoordinates database) {
    try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
      statement.execute(TABLES);
    } catch (SQLException e) {
      throw new IllegalStateException("could not install the neighbour application: " + e.getMessage(), e);
    }
    return new NeighbourApplication(database);
  }

  /**
   * The schemas of the database but {@code schema}, every table, view, sequence and index in them with
   * its columns, and every row of the neighbour's tables: equal before and after means untouched.
   */
  public Map<String, List<String>> everythingOutside(String schema) {
    Map<String, List<String>> found = new LinkedHashMap<>();
    try (Connection connection = connect(database)) {
      found.put("schemas", strings(connection, """
          SELECT nspname FROM pg_namespace
          WHERE nspname <> ? AND nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY 1""", schema));
      found.put("relations", strings(connection, """
          SELECT n.nspname || '.' || c.relname || ' ' || c.relkind || ' owner ' || pg_get_userbyid(c.relowner)
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname <> ? AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' ORDER BY 1""",
          schema));
      found.put("columns", strings(connection, """
          SELECT table_schema || '.' || table_name || '.' || column_name || ' ' || data_type || ' '
                 || coalesce(column_default, '')
          FROM information_schema.columns
          WHERE table_schema <> ? AND table_schema NOT LIKE 'pg\\_%' AND table_schema <> 'information_schema'
          ORDER BY 1""", schema));
      for (String table : List.of("orders", "shipments", "outbox", "flyway_schema_history")) {
        found.put("rows of " + table, strings(connection,
            "SELECT t::text FROM public." + table + " t ORDER BY 1"));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the database: " + e.getMessage(), e);
    }
    return found;
  }

  private static List<String> strings(Connection connection, String sql, String... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
      return values;
    }
  }

  private static Connection connect(DatabaseCoordinates database) throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
  }
}
