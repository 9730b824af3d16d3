package com.ostore.shipping.bootstrap.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one fault scenario checked and the figures it measured (lost, duplicated, time to recover),
 * printed to the test output and appended as a table row to {@code target/faults/results.md}, the
 * source of the results table in docs/faults.md.
 */
final class FaultReport {
  private static final Path RESULTS = Path.of("target", "faults", "results.md");

  private final String scenario;
  private final Map<String, String> figures = new LinkedHashMap<>();
  private final List<String> checks = new ArrayList<>();

  FaultReport(String scenario) {
    this.scenario = scenario;
  }

  FaultReport figure(String name, long value) {
    figures.put(name, Long.toString(value));
    return this;
  }

  FaultReport figure(String name, Duration value) {
    figures.put(name, String.format(Locale.ROOT, "%.1f s", value.toMillis() / 1000.0));
    return this;
  }

  FaultReport figure(String name, String value) {
    figures.put(name, value);
    return this;
  }

  FaultReport checked(String what) {
    checks.add(what);
    return this;
  }

  /** Prints the report and appends its row; call it before asserting, so a failing run shows its figures too. */
  void publish() {
    String figureText = figures.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
    StringBuilder out = new StringBuilder();
    out.append(System.lineSeparator()).append("=== fault scenario: ").append(scenario).append(" (")
        .append(FaultSizes.label()).append(" size) ===").append(System.lineSeparator());
    checks.forEach(check -> out.append("  checked: ").append(check).append(System.lineSeparator()));
    figures.forEach((name, value) -> out.append("  ").append(name).append(": ").append(value)
        .append(System.lineSeparator()));
    System.out.print(out);
    append("| " + scenario + " | " + FaultSizes.label() + " | " + figureText + " |");
  }

  private static synchronized void append(String row) {
    try {
      Files.createDirectories(RESULTS.getParent());
      if (!Files.exists(RESULTS)) {
        Files.writeString(RESULTS, "| Scenario | Size | Figures |" + System.lineSeparator() + "|---|---|---|"
            + System.lineSeparator());
      }
      Files.writeString(RESULTS, row + System.lineSeparator(), StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
