package com.ostore.shipping.adapter.in.http.auth;

/**
 * Reads {@code Bearer <token>} where the token is RFC 6750's b64token, bounded to 4096 characters before
 * any {@code =} padding: nothing else is worth parsing. Written out rather than as a regular expression
 * because every authenticated request passes here, and the matcher was a visible share of its CPU; it
 * accepts exactly what {@code (?i)Bearer ([A-Za-z0-9\-._~+/]{1,4096}=*)} accepts.
 */
final class BearerToken {
  private static final String SCHEME = "Bearer ";
  static final int MAX_TOKEN = 4096;

  private BearerToken() {}

  /** The token of {@code header}, or null when it is not a bearer credential of that shape. */
  static String of(String header) {
    if (header.length() <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length() - 1)
        || header.charAt(SCHEME.length() - 1) != ' ') {
      return null;
    }
    int start = SCHEME.length();
    int end = header.length();
    int padding = end;
    while (padding > start && header.charAt(padding - 1) == '=') {
      padding--;
    }
    if (padding == start || padding - start > MAX_TOKEN) {
      return null;
    }
    for (int i = start; i < padding; i++) {
      if (!tokenChar(header.charAt(i))) {
        return null;
      }
    }
    return header.substring(start);
  }

  private static boolean tokenChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~' || c == '+' || c == '/';
  }
}
