package com.ostore.shipping.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LabelTest {

  @Test
  void changingTheBytesGivenOrReturnedDoesNotChangeTheLabel() {
    byte[] given = "%PDF-1.4 label".getBytes(StandardCharsets.US_ASCII);
    Label label = new Label(LabelFormat.PDF, given);

    given[0] = 'X';
    label.content()[1] = 'X';

    assertThat(new String(label.content(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4 label");
  }

  @Test
  void labelsWithTheSameBytesAreEqualAndPrintWithoutTheirContent() {
    Label one = new Label(LabelFormat.ZPL, "^XA^FDsecret^XZ".getBytes(StandardCharsets.US_ASCII));
    Label same = new Label(LabelFormat.ZPL, "^XA^FDsecret^XZ".getBytes(StandardCharsets.US_ASCII));

    assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(one).isNotEqualTo(new Label(LabelFormat.PNG, one.content()));
    assertThat(one.toString()).isEqualTo("Label[ZPL, 15 bytes]").doesNotContain("secret");
  }

  @Test
  void aLabelNeedsAFormatAndContent() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> new Label(LabelFormat.PDF, new byte[0]));
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> new Label(null, new byte[] {1}));
  }

  @Test
  void labelFormatsKnowTheirMediaTypeAndReadTheirNames() {
    assertThat(LabelFormat.fromName(" zpl ")).isEqualTo(LabelFormat.ZPL);
    assertThat(LabelFormat.PDF.mediaType()).isEqualTo("application/pdf");
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> LabelFormat.fromName("gif"));
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> LabelFormat.fromName(null));
  }
}
