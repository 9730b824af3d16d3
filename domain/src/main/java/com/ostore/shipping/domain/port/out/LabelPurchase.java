package com.ostore.shipping.domain.port.out;

import java.util.List;
import java.util.Objects;

/** What the carrier sold: the service used and one label per requested package. */
public record LabelPurchase(String serviceType, String carrierTransactionId, List<PurchasedLabel> labels) {
  public LabelPurchase {
    Objects.requireNonNull(serviceType, "serviceType");
    labels = List.copyOf(labels);
  }
}
