package com.ostore.shipping.adapter.in.http.auth;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * Fetches the JWKS with short timeouts and a size cap, and without following redirects: the key set
 * comes from the configured URL or not at all.
 */
final class NoRedirectRetriever extends DefaultResourceRetriever {
  private static final int TIMEOUT_MILLIS = 3_000;
  private static final int MAX_BYTES = 256 * 1024;

  NoRedirectRetriever() {
    super(TIMEOUT_MILLIS, TIMEOUT_MILLIS, MAX_BYTES);
  }

  @Override
  protected HttpURLConnection openHTTPConnection(URL url) throws IOException {
    HttpURLConnection connection = super.openHTTPConnection(url);
    connection.setInstanceFollowRedirects(false);
    return connection;
  }
}
