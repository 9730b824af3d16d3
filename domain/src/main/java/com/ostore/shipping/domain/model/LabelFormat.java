package com.ostore.shipping.domain.model;

import java.util.Locale;

/** The image format a shipping label is bought in. */
public enum LabelFormat {
  PDF("application/pdf"),
  ZPL("application/x-zpl"),
  PNG("image/png");

  private final String mediaType;

  LabelFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  public static LabelFormat fromName(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new ValidationException("label format must be one of PDF, ZPL, PNG");
    }
  }
}
