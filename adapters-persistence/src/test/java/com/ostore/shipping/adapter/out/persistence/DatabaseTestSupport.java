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

  /** Runs SQL straight over JDBC, past the adapter, as another program writing to the database would. */
  static void executeSql(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
        database.password()); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The single number a query returns, read straight over JDBC. */
  static long queryLong(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
        database.password()); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
