package com.ostore.shipping.sandbox.postgres;

/** How to reach one database of an embedded server: JDBC URL, user and password. */
public record DatabaseCoordinates(String jdbcUrl, String username, String password) {

  @Override
  public String toString() {
    return "DatabaseCoordinates[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=***]";
  }
}
