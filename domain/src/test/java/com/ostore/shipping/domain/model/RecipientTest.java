package com.ostore.shipping.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecipientTest {

  @Test
  void givenSpacedText_whenCreated_thenWhitespaceIsNormalizedAndBlanksAreAbsent() {
    Recipient recipient = new Recipient("  Ada   Lovelace ", " ", "(212) 555-0100", "  ada@example.com ");

    assertThat(recipient).isEqualTo(new Recipient("Ada Lovelace", null, "2125550100", "ada@example.com"));
    assertThat(recipient.company()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ada\tLovelace", "Ada\nLovelace", "Ada \r\n Lovelace", "Ada  Lovelace", "Ada Lovelace"})
  void givenAnyWhitespaceBetweenWords_whenCreated_thenOneSpaceSeparatesThem(String name) {
    assertThat(new Recipient(name, null, null, null).name()).isEqualTo("Ada Lovelace");
  }

  @Test
  void givenACompanyOnly_whenCreated_thenItIsARecipient() {
    assertThat(new Recipient(null, "Müller & Söhne GmbH", null, null).company()).isEqualTo("Müller & Söhne GmbH");
  }

  @Test
  void givenNeitherNameNorCompany_whenCreated_thenRefused() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> new Recipient(null, "", "2125550100", null))
        .withMessage("recipient needs a name or a company");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "71 | 1  | recipient.name must be at most 70 characters",
      "1  | 36 | recipient.company must be at most 35 characters"})
  void givenTextOverTheCarriersLimits_whenCreated_thenRefusedNamingTheLimit(int nameLength, int companyLength,
      String message) {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> new Recipient("A".repeat(nameLength), "B".repeat(companyLength), null, null))
        .withMessage(message);
    assertThat(new Recipient("A".repeat(70), "B".repeat(35), null, null).name()).hasSize(70);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ada\u0007", "<script>", "Ada; DROP", "Ada \"Countess\"", "😀 Ada"})
  void givenCharactersNoLabelPrints_whenCreated_thenRefused(String name) {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Recipient.named(name))
        .withMessageStartingWith("recipient.name may hold only letters, digits, spaces and");
  }

  @ParameterizedTest
  @ValueSource(strings = {"555-0100", "1234567890123456", "call me", "+1 212 555 01x0"})
  void givenAPhoneWithoutTenToFifteenDigits_whenCreated_thenRefused(String phone) {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> new Recipient("Ada", null, phone, null))
        .withMessage("recipient.phone must have 10 to 15 digits");
  }

  @ParameterizedTest
  @CsvSource({"+1 (212) 555-0100, +12125550100, 2125550100", "1.212.555.0100, 12125550100, 2125550100",
      "+44 20 7946 0958, +442079460958, 442079460958"})
  void givenAFormattedPhone_whenCreated_thenDigitsAreKeptAndTheNationalFormDropsTheUsCountryCode(String written,
      String kept, String national) {
    Recipient recipient = new Recipient("Ada", null, written, null);

    assertThat(recipient.phone()).isEqualTo(kept);
    assertThat(recipient.nationalPhone()).isEqualTo(national);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ada", "ada@localhost", "ada@@example.com", "a.very.long.address.for.one.label@example-domain.com"})
  void givenAnEmailNoCarrierTakes_whenCreated_thenRefused(String email) {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> new Recipient("Ada", null, null, email))
        .withMessage("recipient.email must be an email address of at most 50 characters");
  }
}
