package com.ostore.shipping.adapter.out.carrier.fedex;

import com.ostore.shipping.domain.support.Secret;
import java.util.Objects;

/** One FedEx developer-portal project's API key and secret key; its toString never shows the secret. */
public record FedexCredentials(String clientId, Secret clientSecret) {
  public FedexCredentials {
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("FedEx clientId is required");
    }
    Objects.requireNonNull(clientSecret, "clientSecret");
  }

  @Override
  public String toString() {
    return "FedexCredentials[clientId=" + clientId + ", clientSecret=***]";
  }
}
