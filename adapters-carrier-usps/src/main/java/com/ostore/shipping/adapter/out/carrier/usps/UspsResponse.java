package com.ostore.shipping.adapter.out.carrier.usps;

import java.nio.charset.StandardCharsets;

/** One HTTP answer from USPS, read completely: status, content type, Retry-After header and body bytes. */
record UspsResponse(int status, String contentType, String retryAfterHeader, byte[] body) {

  boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
