package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.ostore.shipping.domain.model.Recipient;

/** The recipient as stored (names tidied, phone without separators); absent parts are left out. */
record RecipientResponse(
    @JsonProperty("name") String name,
    @JsonProperty("company") String company,
    @JsonProperty("phone") String phone,
    @JsonProperty("email") String email) {

  static RecipientResponse from(Recipient recipient) {
    return recipient == null ? null
        : new RecipientResponse(recipient.name(), recipient.company(), recipient.phone(), recipient.email());
  }
}
