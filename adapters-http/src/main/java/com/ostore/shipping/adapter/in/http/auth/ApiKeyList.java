package com.ostore.shipping.adapter.in.http.auth;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Reads configured API keys: one per line (or separated by {@code ;}), written
 * {@code name:sha256hex:scope,scope}. Blank lines and lines starting with {@code #} are skipped. Errors
 * name the line, never its content, because a pasted key must not end up in a log.
 */
public final class ApiKeyList {
  private ApiKeyList() {}

  /** @throws IllegalArgumentException naming the first line at fault */
  public static List<ApiKey> parse(String text) {
    List<ApiKey> keys = new ArrayList<>();
    Set<String> names = new HashSet<>();
    String[] lines = text.split("[\\n;]");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      ApiKey key = parseLine(line, i + 1);
      if (!names.add(key.name())) {
        throw new IllegalArgumentException("entry " + (i + 1) + ": API key name " + key.name() + " is used twice");
      }
      keys.add(key);
    }
    return List.copyOf(keys);
  }

  private static ApiKey parseLine(String line, int number) {
    String[] parts = line.split(":", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException("entry " + number + ": expected name:sha256hex:scope,scope");
    }
    byte[] hash;
    try {
      hash = parts[1].strip().length() == 64 ? HexFormat.of().parseHex(parts[1].strip()) : null;
    } catch (IllegalArgumentException e) {
      hash = null;
    }
    if (hash == null) {
      throw new IllegalArgumentException("entry " + number + ": the hash must be 64 hex digits (SHA-256 of the key)");
    }
    try {
      return new ApiKey(parts[0].strip(), hash, scopes(parts[2]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("entry " + number + ": " + e.getMessage(), e);
    }
  }

  private static Set<Scope> scopes(String text) {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String name : text.split(",")) {
      if (!name.isBlank()) {
        scopes.add(Scope.fromWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown scope '"
            + name.strip() + "' (known: shipments:read, shipments:write, shipments:cancel, labels:read)")));
      }
    }
    return scopes;
  }
}
