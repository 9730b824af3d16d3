package com.ostore.shipping.bootstrap.config;

import com.ostore.shipping.domain.support.Secret;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads of environment variables. Every problem is collected, so a bad environment is reported
 * in one line naming each variable at fault ({@link #failIfInvalid()}), instead of one per restart.
 */
public final class EnvReader {
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  public EnvReader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  public Optional<String> optional(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  public String string(String name, String fallback) {
    return optional(name).orElse(fallback);
  }

  /** A value that must be set; reported (and returned empty) when missing. */
  public String required(String name, String why) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      problems.add(name + " is required (" + why + ")");
      return "";
    }
    return value.get();
  }

  /** A secret from {@code NAME} or from the file named by {@code NAME_FILE} (for mounted secrets). */
  public Optional<Secret> secret(String name) {
    Optional<String> file = optional(name + "_FILE");
    if (file.isPresent()) {
      try {
        return Optional.of(Secret.of(Files.readString(Path.of(file.get())).strip()));
      } catch (IOException e) {
        problems.add(name + "_FILE names a file that cannot be read: " + file.get());
        return Optional.empty();
      }
    }
    return optional(name).map(Secret::of);
  }

  public int integer(String name, int fallback, int min, int max) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.get());
      if (parsed < min || parsed > max) {
        problems.add(name + " must be between " + min + " and " + max + " (got " + parsed + ")");
        return fallback;
      }
      return parsed;
    } catch (NumberFormatException e) {
      problems.add(name + " must be a whole number (got '" + value.get() + "')");
      return fallback;
    }
  }

  public BigDecimal decimal(String name, String fallback) {
    String value = string(name, fallback);
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      problems.add(name + " must be a number (got '" + value + "')");
      return new BigDecimal(fallback);
    }
  }

  /** A duration written as {@code 500ms}, {@code 10s}, {@code 5m}, {@code 24h}, {@code 7d} or ISO-8601. */
  public Duration duration(String name, Duration fallback) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return fallback;
    }
    Duration parsed = parseDuration(value.get().toLowerCase(Locale.ROOT));
    if (parsed == null || parsed.isNegative() || parsed.isZero()) {
      problems.add(name + " must be a positive duration such as 500ms, 10s, 5m, 24h or 7d (got '" + value.get() + "')");
      return fallback;
    }
    return parsed;
  }

  public URI uri(String name, String fallback) {
    String value = string(name, fallback);
    try {
      URI uri = URI.create(value);
      if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
        problems.add(name + " must be an http(s) URL (got '" + value + "')");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      problems.add(name + " must be an http(s) URL (got '" + value + "')");
      return URI.create(fallback);
    }
  }

  /** Converts a value with {@code parser}; a failure is reported with the parser's message. */
  public <T> T parsed(String name, String fallback, Function<String, T> parser) {
    String value = string(name, fallback);
    try {
      return parser.apply(value);
    } catch (RuntimeException e) {
      problems.add(name + ": " + e.getMessage() + " (got '" + value + "')");
      return parser.apply(fallback);
    }
  }

  /** Every variable starting with {@code prefix}, renamed to a client property: {@code PREFIX_SASL_MECHANISM} -> {@code sasl.mechanism}. */
  public Map<String, String> passThrough(String prefix) {
    Map<String, String> properties = new TreeMap<>();
    env.forEach((name, value) -> {
      if (name.startsWith(prefix) && !value.isBlank()) {
        properties.put(name.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
      }
    });
    return properties;
  }

  /** Records a problem found while combining values. */
  public void problem(String message) {
    problems.add(message);
  }

  /** @throws InvalidConfigurationException listing every problem found, in one line */
  public void failIfInvalid() {
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException("invalid configuration: " + String.join("; ", problems));
    }
  }

  private static Duration parseDuration(String text) {
    Matcher m = SHORT_DURATION.matcher(text);
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    try {
      return Duration.parse(text.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
