package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.domain.support.Secret;
import com.ostore.shipping.sandbox.postgres.DatabaseCoordinates;
import com.ostore.shipping.sandbox.postgres.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Gives each test class its own empty database on the shared embedded server, migrated by the module. */
abstract class DatabaseTestSupport {
  static DatabaseCoordinates database;
  static PersistenceModule module;

  @BeforeAll
  static void startModuleOnAFreshDatabase() {
    database = EmbeddedDatabase.freshDatabase();
    module = PersistenceModule.start(config());
  }

  @AfterAll
  static void closeModule() {
    module.close();
  }

  static DatabaseConfig config() {
    return new DatabaseConfig(database.jdbcUrl(), database.username(), Secret.of(database.password()), 4,
        Duration.ofSeconds(10));
  }

  /** Reads one number straight over JDBC in the module's schema (e.g. how many statements wait for a lock). */
  static long queryLong(String sql) throws SQLException {
    return queryOne(sql, rows -> rows.getLong(1));
  }

  /** Reads one text value straight over JDBC in the module's schema. */
  static String queryText(String sql) throws SQLException {
    return queryOne(sql, rows -> rows.getString(1));
  }

  private interface Column<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private static <T> T queryOne(String sql, Column<T> column) throws SQLException {
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
        database.password())) {
      connection.setSchema(config().schema());
      try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
        rows.next();
        return column.read(rows);
      }
    }
  }

  /** Runs SQL straight over JDBC in the module's schema, past the adapter, as another program would. */
  static void executeSql(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
        database.password()); Statement statement = connection.createStatement()) {
      connection.setSchema(config().schema());
      statement.execute(sql);
    }
  }
}
