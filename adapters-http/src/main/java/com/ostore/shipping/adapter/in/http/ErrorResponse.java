package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The seed's error body, {@code {"error": "..."}}; a correlation id only on internal errors. */
record ErrorResponse(@JsonProperty("error") String error, @JsonProperty("correlationId") String correlationId) {
  static ErrorResponse of(String error) {
    return new ErrorResponse(error, null);
  }
}
