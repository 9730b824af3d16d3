package com.ostore.shipping.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class StartupFailureTest {

  @Test
  void theCauseChainBecomesOneLineWithEachMessageOnce() {
    ConnectException refused = new ConnectException("Connection refused");
    IllegalStateException pool = new IllegalStateException(
        "Failed to initialize pool: Connection to db:5432 refused.\n  Check that the hostname and port are correct",
        new RuntimeException(refused));

    assertThat(StartupFailure.oneLine(pool)).isEqualTo("Failed to initialize pool: Connection to db:5432 refused."
        + " Check that the hostname and port are correct: java.net.ConnectException: Connection refused");
  }

  @Test
  void aFailureWithoutAMessageIsNamedByItsType() {
    assertThat(StartupFailure.oneLine(new UncheckedIOException(null, new IOException())))
        .isEqualTo("UncheckedIOException: IOException");
  }
}
