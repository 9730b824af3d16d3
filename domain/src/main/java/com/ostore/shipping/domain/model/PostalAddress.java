package com.ostore.shipping.domain.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A delivery address in the parts carriers print on a label. {@code country} is kept as the caller
 * wrote it; {@link #isoCountryCode()} resolves it when it can.
 */
public record PostalAddress(
    List<String> streetLines, String city, String stateOrProvince, String postalCode, String country) {

  static final int MAX_PART_LENGTH = 100;
  private static final Pattern WHITESPACE_RUNS = Pattern.compile("\\s+");

  public PostalAddress {
    if (streetLines == null || streetLines.isEmpty() || streetLines.size() > 3) {
      throw invalid();
    }
    streetLines = streetLines.stream().map(PostalAddress::requiredPart).toList();
    if (streetLines.stream().noneMatch(line -> line.chars().anyMatch(Character::isLetterOrDigit))) {
      throw invalid();
    }
    city = requiredPart(city);
    stateOrProvince = optionalPart(stateOrProvince);
    postalCode = optionalPart(postalCode);
    country = requiredPart(country);
  }

  /**
   * The two-letter ISO 3166 code, when the country was written as an ISO 3166 alpha-2 or alpha-3 code
   * or as the country's English name in the JDK's locale data ("US", "USA", "United States"; any case),
   * or as "United States of America". Anything else ("Country", "U.S.") is not resolved.
   */
  public Optional<String> isoCountryCode() {
    return Countries.resolve(country);
  }

  /** The single-line form the seed's API uses: street lines, city, "state postal code", country. */
  public String toSingleLine() {
    List<String> parts = new ArrayList<>(streetLines);
    parts.add(city);
    String region = String.join(" ", nonBlank(stateOrProvince), nonBlank(postalCode)).strip();
    if (!region.isEmpty()) {
      parts.add(region);
    }
    parts.add(country);
    return String.join(", ", parts);
  }

  private static String nonBlank(String value) {
    return value == null ? "" : value;
  }

  private static String requiredPart(String value) {
    String part = optionalPart(value);
    if (part == null) {
      throw invalid();
    }
    return part;
  }

  private static String optionalPart(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    // Checked before spaces are folded: a line break or tab is refused, not silently turned into a space.
    if (!Text.isPrintable(value)) {
      throw invalid();
    }
    String stripped = foldSpaces(value.strip());
    if (stripped.length() > MAX_PART_LENGTH) {
      throw invalid();
    }
    return stripped;
  }

  /**
   * Every address read back from storage passes through here, so the usual case (nothing to fold) must
   * not cost a regular expression. Once control characters are refused the only character {@code \s}
   * matches is the space, so a value without two spaces in a row is already folded.
   */
  private static String foldSpaces(String stripped) {
    return stripped.indexOf("  ") < 0 ? stripped : WHITESPACE_RUNS.matcher(stripped).replaceAll(" ");
  }

  static ValidationException invalid() {
    return new ValidationException("Invalid shipping address");
  }
}
