package com.ostore.shipping.domain.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Country spellings the service resolves to ISO 3166 alpha-2 codes: the alpha-2 and alpha-3 codes and
 * the English names of the JDK's locale data, in any case. The JDK's data is the one list every
 * instance shares without configuration; a spelling outside it stays unresolved, and the carrier decides.
 */
final class Countries {
  private static final Map<String, String> BY_SPELLING = spellings();

  private Countries() {}

  static Optional<String> resolve(String written) {
    return Optional.ofNullable(BY_SPELLING.get(written.strip().toUpperCase(Locale.ROOT)));
  }

  private static Map<String, String> spellings() {
    Map<String, String> spellings = new HashMap<>();
    for (String alpha2 : Locale.getISOCountries()) {
      Locale region = new Locale("", alpha2);
      spellings.put(alpha2, alpha2);
      spellings.put(region.getISO3Country(), alpha2);
      spellings.putIfAbsent(region.getDisplayCountry(Locale.ENGLISH).toUpperCase(Locale.ROOT), alpha2);
    }
    spellings.put("UNITED STATES OF AMERICA", "US");
    return Map.copyOf(spellings);
  }
}
