package com.ostore.shipping.adapter.in.http.auth;

/**
 * A request refused by the security filter, with the status, message and headers the caller gets. The
 * message never repeats the credential.
 */
final class CredentialRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final String REALM = "Bearer realm=\"ostore-shipping\"";

  private final int status;
  private final String headerName;
  private final String headerValue;

  private CredentialRefused(int status, String message, String headerName, String headerValue) {
    super(message, null, false, false);
    this.status = status;
    this.headerName = headerName;
    this.headerValue = headerValue;
  }

  /** No credential at all: RFC 6750 says to name the scheme and no error code. */
  static CredentialRefused missing() {
    return new CredentialRefused(401, "a credential is required: send Authorization: Bearer <API key or token>",
        "WWW-Authenticate", REALM);
  }

  static CredentialRefused invalid() {
    return new CredentialRefused(401, "the credential is not valid", "WWW-Authenticate",
        REALM + ", error=\"invalid_token\"");
  }

  static CredentialRefused lacking(Scope scope) {
    return new CredentialRefused(403, "the credential does not grant " + scope.wireName(), "WWW-Authenticate",
        REALM + ", error=\"insufficient_scope\", scope=\"" + scope.wireName() + "\"");
  }

  /** A route registered without any access role: refused to everyone rather than left open. */
  static CredentialRefused undeclared() {
    return new CredentialRefused(403, "this route is not open to any credential", null, null);
  }

  static CredentialRefused tooMany(long retryAfterSeconds) {
    return new CredentialRefused(429, "too many requests for this credential; retry after " + retryAfterSeconds
        + " s", "Retry-After", Long.toString(retryAfterSeconds));
  }

  /** The issuer's keys cannot be had right now: not the caller's fault, so not a 401. */
  static CredentialRefused unverifiable() {
    return new CredentialRefused(503, "credentials cannot be checked right now; try again shortly", "Retry-After",
        "5");
  }

  int status() {
    return status;
  }

  String headerName() {
    return headerName;
  }

  String headerValue() {
    return headerValue;
  }
}
