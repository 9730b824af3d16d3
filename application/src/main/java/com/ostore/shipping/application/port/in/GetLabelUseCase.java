package com.ostore.shipping.application.port.in;

import com.ostore.shipping.domain.model.Label;
import com.ostore.shipping.domain.model.ParcelId;

/** Serves the label bought for a package. */
public interface GetLabelUseCase {
  /** @throws ShipmentNotFoundException when the package does not exist or has no label yet */
  Label label(ParcelId parcelId);
}
