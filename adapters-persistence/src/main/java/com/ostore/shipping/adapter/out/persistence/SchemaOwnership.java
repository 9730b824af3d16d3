package com.ostore.shipping.adapter.out.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Makes sure, before Flyway touches anything, that the schema is this service's or still free. Flyway
 * refuses a schema holding other tables too, but advises a baseline, which here would adopt another
 * application's tables; and it would gladly start a new, empty installation beside one that an earlier
 * release left in {@code public}. Both are refused here in words that say what to do. Only reads.
 */
final class SchemaOwnership {
  private static final String HISTORY_TABLE = "flyway_schema_history";
  // The first migration of this service: a history that lists it is this service's.
  private static final String FIRST_MIGRATION = "V1__shipments_packages_carriers_tracking_events.sql";

  private SchemaOwnership() {}

  static void check(DataSource dataSource, String schema) {
    try (Connection connection = dataSource.getConnection()) {
      Optional<List<String>> history = migrations(connection, schema);
      if (history.isPresent()) {
        // Ours, or ours after a first start that failed before its first migration committed.
        if (history.get().isEmpty() || history.get().contains(FIRST_MIGRATION)) {
          return;
        }
        throw new SchemaConflictException(("schema %s holds the migration history of another application; give"
            + " this service a schema of its own").formatted(schema));
      }
      List<String> foreign = tables(connection, schema);
      if (!foreign.isEmpty()) {
        throw new SchemaConflictException(("schema %s already holds tables of another application (%s) and no"
            + " migration history of this service; give this service a schema of its own")
            .formatted(schema, String.join(", ", foreign)));
      }
      if (schema.equals(DatabaseConfig.DEFAULT_SCHEMA)
          && migrations(connection, "public").filter(m -> m.contains(FIRST_MIGRATION)).isPresent()) {
        throw new SchemaConflictException(("this service's tables are in schema public (installed before the schema"
            + " could be chosen); set the schema to public to keep using them, or move them to %s")
            .formatted(schema));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot inspect schema " + schema + ": " + e.getMessage(), e);
    }
  }

  /** The scripts of the migrations the schema's Flyway history lists; empty without a history table. */
  private static Optional<List<String>> migrations(Connection connection, String schema) throws SQLException {
    if (strings(connection, "SELECT tablename FROM pg_tables WHERE schemaname = ? AND tablename = ?", schema,
        HISTORY_TABLE).isEmpty()) {
      return Optional.empty();
    }
    // The schema name was checked by DatabaseConfig, so it can be quoted into the statement. Rows without
    // a version are Flyway's own markers (such as the schema it created), no migrations.
    return Optional.of(strings(connection,
        "SELECT script FROM \"" + schema + "\"." + HISTORY_TABLE + " WHERE version IS NOT NULL"));
  }

  /** A few of the schema's tables and views, leaving out those an extension installed there. */
  private static List<String> tables(Connection connection, String schema) throws SQLException {
    return strings(connection, """
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d
                          WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
        ORDER BY c.relname LIMIT 3
        """, schema);
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
}
