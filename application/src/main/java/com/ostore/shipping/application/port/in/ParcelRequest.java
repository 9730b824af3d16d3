package com.ostore.shipping.application.port.in;

import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.Weight;
import java.util.Objects;

/** A package the caller asks for: its weight and, if known, its dimensions. */
public record ParcelRequest(Weight weight, Dimensions dimensions) {
  public ParcelRequest {
    Objects.requireNonNull(weight, "weight");
  }
}
