package com.ostore.shipping.bootstrap.faults;

import com.ostore.shipping.bootstrap.e2e.ServiceDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A trigger the test adds to the service's schema that writes down every claim of a task (each one
 * draws a new lease token) with the lease it took over and the database's time of the claim: the
 * record to check that no task ever had two live holders, and how often each task was claimed.
 */
final class LeaseAudit {
  private final ServiceDatabase database;

  private LeaseAudit(ServiceDatabase database) {
    this.database = database;
  }

  /** Installs the audit table and trigger; call it once the service has migrated its schema. */
  static LeaseAudit install(ServiceDatabase database) {
    execute(database, """
        CREATE TABLE lease_audit (
            task_id BIGINT NOT NULL, kind TEXT NOT NULL, old_state TEXT NOT NULL, old_owner TEXT,
            old_lease_until TIMESTAMPTZ, new_owner TEXT NOT NULL, claimed_at TIMESTAMPTZ NOT NULL DEFAULT now());
        CREATE FUNCTION lease_audit_claim() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO lease_audit (task_id, kind, old_state, old_owner, old_lease_until, new_owner)
          VALUES (NEW.id, NEW.kind, OLD.state, OLD.lease_owner, OLD.lease_until, NEW.lease_owner);
          RETURN NULL;
        END $$;
        CREATE TRIGGER lease_audit_claim AFTER UPDATE ON tasks FOR EACH ROW
            WHEN (OLD.lease_token IS DISTINCT FROM NEW.lease_token) EXECUTE FUNCTION lease_audit_claim();
        """);
    return new LeaseAudit(database);
  }

  /** Claims of this kind of task so far. */
  long claims(String kind) {
    return count("SELECT count(*) FROM lease_audit WHERE kind = '" + kind + "'");
  }

  /** Tasks of this kind claimed more than once. */
  long claimedAgain(String kind) {
    return count("SELECT count(*) FROM (SELECT task_id FROM lease_audit WHERE kind = '" + kind
        + "' GROUP BY task_id HAVING count(*) > 1) again");
  }

  /** Claims that took a task whose holder's lease had already ended by the database's clock. */
  long claimsOfExpiredLeases(String kind) {
    return count("SELECT count(*) FROM lease_audit WHERE kind = '" + kind
        + "' AND old_state = 'running' AND old_lease_until < claimed_at");
  }

  /** Claims after a task's first that found it not running (handed back, or finished and due again). */
  long reclaimsOfReleasedTasks(String kind) {
    return count("SELECT count(*) FROM (SELECT old_state, row_number() OVER (PARTITION BY task_id ORDER BY"
        + " claimed_at) AS n FROM lease_audit WHERE kind = '" + kind + "') claims WHERE n > 1 AND old_state <> 'running'");
  }

  /** Claims that took a task from another holder whose lease had not yet ended by the database's clock. */
  long takeoversOfLiveLeases() {
    return count("SELECT count(*) FROM lease_audit WHERE old_state = 'running' AND old_lease_until >= claimed_at");
  }

  private long count(String sql) {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void execute(ServiceDatabase database, String sql) {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot install the lease audit: " + e.getMessage(), e);
    }
  }
}
