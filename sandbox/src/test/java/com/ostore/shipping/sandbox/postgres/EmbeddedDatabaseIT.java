package com.ostore.shipping.sandbox.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseIT {

  @Test
  void givenAPersistentDataDirectory_whenTheServerRestarts_thenTheDataIsStillThere(@TempDir Path dir) throws SQLException {
    Path data = dir.resolve("postgres");
    try (EmbeddedDatabase first = EmbeddedDatabase.startPersistent(data, 0)) {
      execute(first.jdbcUrl(), first.username(), first.password(),
          "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('kept')");
    }

    try (EmbeddedDatabase second = EmbeddedDatabase.startPersistent(data, 0)) {
      assertThat(queryString(second.jdbcUrl(), second.username(), second.password(), "SELECT text FROM notes"))
          .isEqualTo("kept");
    }
  }

  @Test
  void freshDatabasesAreEmptyAndIsolatedFromEachOther() throws SQLException {
    DatabaseCoordinates one = EmbeddedDatabase.freshDatabase();
    DatabaseCoordinates two = EmbeddedDatabase.freshDatabase();

    execute(one.jdbcUrl(), one.username(), one.password(), "CREATE TABLE only_in_one (id INT)");

    assertThat(one.jdbcUrl()).isNotEqualTo(two.jdbcUrl());
    assertThat(queryString(two.jdbcUrl(), two.username(), two.password(),
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'only_in_one'")).isEqualTo("0");
    assertThat(one.toString()).doesNotContain(one.password());
  }

  private static void execute(String url, String user, String password, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String queryString(String url, String user, String password, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
