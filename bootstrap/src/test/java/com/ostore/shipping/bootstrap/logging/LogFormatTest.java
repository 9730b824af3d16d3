package com.ostore.shipping.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The production logback.xml in both formats, as an operator's log pipeline would read it. */
class LogFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CARRIER_TEXT = "Address Not Found.\n2026-01-01 ERROR fake entry \u001b[31mred";

  @Test
  void logFormatJsonWritesOneJsonObjectPerLineWithTheMdcAndTheException() throws Exception {
    String output = logWith("json", log -> {
      MDC.put("requestId", "req-42");
      MDC.put("shipmentId", "1001");
      try {
        log.error("label refused: {}", CARRIER_TEXT, new IllegalStateException("boom"));
      } finally {
        MDC.clear();
      }
      log.info("second entry");
    });

    String[] lines = output.split("\n");
    assertThat(lines).hasSize(2);
    JsonNode first = JSON.readTree(lines[0]);
    assertThat(first.get("level").asText()).isEqualTo("ERROR");
    assertThat(first.get("logger").asText()).isEqualTo("com.ostore.shipping.test");
    assertThat(first.get("message").asText()).isEqualTo("label refused: " + CARRIER_TEXT);
    assertThat(first.get("requestId").asText()).isEqualTo("req-42");
    assertThat(first.get("shipmentId").asText()).isEqualTo("1001");
    assertThat(first.get("exception").asText()).contains("IllegalStateException: boom").contains("\tat ");
    assertThat(first.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(JSON.readTree(lines[1]).has("requestId")).isFalse();
  }

  @Test
  void theDefaultTextFormatEscapesCarrierTextSoItCannotForgeALine() throws Exception {
    String output = logWith(null, log -> log.warn("label refused: {}", CARRIER_TEXT));

    assertThat(output.split("\n")).hasSize(1);
    assertThat(output).contains("label refused: Address Not Found.\\n2026-01-01 ERROR fake entry \\u001b[31mred")
        .doesNotContain("\u001b");
  }

  @Test
  void escapingLeavesOrdinaryTextAlone() {
    assertThat(EscapedMessageConverter.escape("Zoë's 📦 at 350 Fifth Ave")).isEqualTo("Zoë's 📦 at 350 Fifth Ave");
    assertThat(EscapedMessageConverter.escape("a\r\nb\u202ec")).isEqualTo("a\\r\\nb\\u202ec");
  }

  private static String logWith(String format, Consumer<org.slf4j.Logger> logging)
      throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter());
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      if (format != null) {
        context.putProperty("LOG_FORMAT", format);
      }
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
      Logger logger = context.getLogger("com.ostore.shipping.test");
      logger.setLevel(Level.INFO);
      logging.accept(logger);
    } finally {
      context.stop();
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
