package com.ostore.shipping.adapter.out.carrier.usps;

import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.LabelFormat;
import java.util.Objects;

/**
 * What every label is bought with unless the request says otherwise. {@code defaultDimensions} stands
 * in for packages whose size is unknown (USPS requires length, width and height); {@code jsonResponse}
 * asks for the single-JSON label response instead of the default multipart one.
 */
public record UspsLabelDefaults(
    String mailClass,
    String rateIndicator,
    String processingCategory,
    LabelFormat labelFormat,
    String labelType,
    Dimensions defaultDimensions,
    boolean jsonResponse) {

  public UspsLabelDefaults {
    Objects.requireNonNull(mailClass, "mailClass");
    Objects.requireNonNull(rateIndicator, "rateIndicator");
    Objects.requireNonNull(processingCategory, "processingCategory");
    Objects.requireNonNull(labelFormat, "labelFormat");
    Objects.requireNonNull(labelType, "labelType");
    Objects.requireNonNull(defaultDimensions, "defaultDimensions");
  }

  /** USPS Ground Advantage, single piece, machinable, 4x6 PDF, multipart response. */
  public static UspsLabelDefaults groundAdvantage() {
    return new UspsLabelDefaults(
        "USPS_GROUND_ADVANTAGE", "SP", "MACHINABLE", LabelFormat.PDF, "4X6LABEL", Dimensions.parse("9x6x2 in"), false);
  }

  public UspsLabelDefaults withJsonResponse(boolean json) {
    return new UspsLabelDefaults(
        mailClass, rateIndicator, processingCategory, labelFormat, labelType, defaultDimensions, json);
  }
}
