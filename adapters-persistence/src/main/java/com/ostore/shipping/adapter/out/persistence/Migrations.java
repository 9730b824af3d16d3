package com.ostore.shipping.adapter.out.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The schema's migrations. A start whose schema already holds every migration of this release (the
 * usual restart) does not wait for Flyway, which loads, scans the jar and checksums every script: one
 * query on the history table says so, and Flyway's full validation runs later, off the path to
 * readiness ({@link #validate}). Any other start migrates with Flyway before it serves.
 */
final class Migrations {
  /** Every script under db/migration, in version order; MigrationsTest keeps this list and the files in step. */
  static final List<String> SCRIPTS = List.of(
      "V1__shipments_packages_carriers_tracking_events.sql",
      "V2__labels_tasks_outbox.sql",
      "V20__alerts_keyed_by_cause.sql",
      "V21__scan_identity_without_guessed_offsets.sql",
      "V22__task_claim_tokens.sql",
      "V23__tasks_without_alerted_at.sql",
      "V40__idempotency_keys.sql",
      "V60__shipment_recipient.sql",
      "V61__account_pause_probes.sql",
      "V62__label_masters_and_purchase_keys.sql",
      "V63__outbox_relay_lease_and_notify.sql",
      "V64__outbox_sent_kept_apart.sql",
      "V65__tracking_calls.sql",
      "V66__shipment_renderings.sql",
      "V67__create_path_checks_as_domains.sql",
      "V68__stored_answer_walks.sql");

  private Migrations() {}

  /** Brings the schema to this release's version; returns whether Flyway ran (and so has validated it). */
  static boolean migrate(DataSource dataSource, DatabaseConfig config) {
    if (allApplied(dataSource, config.schema())) {
      return false;
    }
    flyway(config).migrate();
    return true;
  }

  /** Flyway's check that the applied migrations are this release's, unchanged; throws when they are not. */
  static void validate(DatabaseConfig config) {
    flyway(config).validate();
  }

  private static Flyway flyway(DatabaseConfig config) {
    // Flyway creates the schema when it is missing and keeps its history table in it. Migrations get a
    // connection of their own, without the pool's statement timeout: building an index on a large table
    // may legitimately take longer than any statement of the running service.
    return Flyway.configure().dataSource(config.jdbcUrl(), config.username(), config.password().reveal())
        .schemas(config.schema()).defaultSchema(config.schema()).locations("classpath:db/migration").load();
  }

  /** True when the history lists every script, each applied successfully, and nothing else failed. */
  private static boolean allApplied(DataSource dataSource, String schema) {
    String history = "\"" + schema + "\".flyway_schema_history";
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      try (ResultSet exists = statement.executeQuery("SELECT to_regclass('" + history.replace("'", "''") + "')")) {
        if (!exists.next() || exists.getString(1) == null) {
          return false;
        }
      }
      Set<String> applied = new HashSet<>();
      try (ResultSet rows = statement.executeQuery(
          "SELECT script, success FROM " + history + " WHERE version IS NOT NULL")) {
        while (rows.next()) {
          if (!rows.getBoolean(2)) {
            return false;
          }
          applied.add(rows.getString(1));
        }
      }
      return applied.equals(Set.copyOf(SCRIPTS));
    } catch (SQLException e) {
      return false;
    }
  }
}
