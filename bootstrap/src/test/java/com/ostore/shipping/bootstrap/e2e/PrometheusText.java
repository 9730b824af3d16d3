package com.ostore.shipping.bootstrap.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the Prometheus text format into "name{labels}" -> value, as a scraper would. */
final class PrometheusText {
  private PrometheusText() {}

  static Map<String, Double> parse(String text) {
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int split = line.lastIndexOf(' ');
      samples.put(line.substring(0, split), Double.parseDouble(line.substring(split + 1)));
    }
    return samples;
  }

  /** The metric name of a sample key: what comes before its labels. */
  static String family(String sample) {
    int brace = sample.indexOf('{');
    return brace < 0 ? sample : sample.substring(0, brace);
  }
}
