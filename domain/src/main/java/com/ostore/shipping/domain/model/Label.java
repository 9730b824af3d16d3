package com.ostore.shipping.domain.model;

import java.util.Arrays;

/** A bought shipping label: the printable image in its format. */
public record Label(LabelFormat format, byte[] content) {
  public Label {
    if (format == null || content == null || content.length == 0) {
      throw new ValidationException("a label needs a format and content");
    }
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Label label && format == label.format && Arrays.equals(content, label.content);
  }

  @Override
  public int hashCode() {
    return 31 * format.hashCode() + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "Label[" + format + ", " + content.length + " bytes]";
  }
}
