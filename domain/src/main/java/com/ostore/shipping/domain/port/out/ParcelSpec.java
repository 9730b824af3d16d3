package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.Weight;
import java.util.Objects;

/** One package to label: its id (the carrier's package reference), weight and, if known, dimensions. */
public record ParcelSpec(ParcelId parcelId, Weight weight, Dimensions dimensions) {
  public ParcelSpec {
    Objects.requireNonNull(parcelId, "parcelId");
    Objects.requireNonNull(weight, "weight");
  }
}
