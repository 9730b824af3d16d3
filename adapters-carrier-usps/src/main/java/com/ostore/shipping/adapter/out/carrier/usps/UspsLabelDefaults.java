package com.ostore.shipping.adapter.out.carrier.usps;

import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.LabelFormat;
import java.util.Objects;

/**
 * What every label is bought with unless the request says otherwise. {@code defaultDimensions} stands
 * in for packages whose size is unknown (USPS requires length, width and height above zero): the shop's
 * standard box, so a package is never declared smaller than what it ships in. {@code recipientFallbackFirm}
 * is printed as the addressee's firm when a shipment names no recipient (USPS refuses a label whose
 * addressee has neither a name nor a firm). {@code jsonResponse} asks for the single-JSON label
 * response instead of the default multipart one.
 */
public record UspsLabelDefaults(
    String mailClass,
    String rateIndicator,
    String processingCategory,
    LabelFormat labelFormat,
    String labelType,
    Dimensions defaultDimensions,
    String recipientFallbackFirm,
    boolean jsonResponse) {

  public UspsLabelDefaults {
    Objects.requireNonNull(mailClass, "mailClass");
    Objects.requireNonNull(rateIndicator, "rateIndicator");
    Objects.requireNonNull(processingCategory, "processingCategory");
    Objects.requireNonNull(labelFormat, "labelFormat");
    Objects.requireNonNull(labelType, "labelType");
    Objects.requireNonNull(defaultDimensions, "defaultDimensions");
    if (recipientFallbackFirm == null || recipientFallbackFirm.isBlank() || recipientFallbackFirm.strip().length() > 50) {
      throw new IllegalArgumentException("the USPS recipient fallback firm needs 1 to 50 characters");
    }
    recipientFallbackFirm = recipientFallbackFirm.strip();
    if (!UspsMailClasses.ALL.contains(mailClass)) {
      throw new IllegalArgumentException("'" + mailClass + "' is not a USPS mail class; one of " + UspsMailClasses.ALL);
    }
  }

  /** USPS Ground Advantage, single piece, machinable, 4x6 PDF, a 12x9x4 in box, multipart response. */
  public static UspsLabelDefaults groundAdvantage() {
    return new UspsLabelDefaults("USPS_GROUND_ADVANTAGE", "SP", "MACHINABLE", LabelFormat.PDF, "4X6LABEL",
        Dimensions.parse("12x9x4 in"), "OStore Customer", false);
  }

  public UspsLabelDefaults withJsonResponse(boolean json) {
    return new UspsLabelDefaults(mailClass, rateIndicator, processingCategory, labelFormat, labelType,
        defaultDimensions, recipientFallbackFirm, json);
  }

  public UspsLabelDefaults withDefaultDimensions(Dimensions dimensions) {
    return new UspsLabelDefaults(mailClass, rateIndicator, processingCategory, labelFormat, labelType, dimensions,
        recipientFallbackFirm, jsonResponse);
  }

  public UspsLabelDefaults withRecipientFallbackFirm(String firm) {
    return new UspsLabelDefaults(mailClass, rateIndicator, processingCategory, labelFormat, labelType,
        defaultDimensions, firm, jsonResponse);
  }
}
