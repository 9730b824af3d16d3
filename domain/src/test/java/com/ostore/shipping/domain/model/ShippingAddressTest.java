package com.ostore.shipping.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ShippingAddressTest {

  @Test
  void theSeedsAddressParsesAndIsEchoedUnchanged() {
    ShippingAddress address = ShippingAddress.parse("123 Main St, City, Country");

    assertThat(address.text()).isEqualTo("123 Main St, City, Country");
    assertThat(address.postal().streetLines()).containsExactly("123 Main St");
    assertThat(address.postal().city()).isEqualTo("City");
    assertThat(address.postal().stateOrProvince()).isNull();
    assertThat(address.postal().postalCode()).isNull();
    assertThat(address.postal().country()).isEqualTo("Country");
    assertThat(address.postal().isoCountryCode()).isEmpty();
  }

  @Test
  void theCallersSpacingIsEchoedAsSentWhileThePartsAreTidied() {
    String sent = "  123   Main St ,City,   Country ";

    ShippingAddress address = ShippingAddress.parse(sent);

    assertThat(address.text()).isEqualTo(sent);
    assertThat(address.postal().streetLines()).containsExactly("123 Main St");
    assertThat(address.postal().country()).isEqualTo("Country");
  }

  @Test
  void aUsAddressGivesStreetCityStatePostalCodeAndIsoCountry() {
    PostalAddress postal = ShippingAddress.parse("350 Fifth Avenue, New York, NY 10118, US").postal();

    assertThat(postal.streetLines()).containsExactly("350 Fifth Avenue");
    assertThat(postal.city()).isEqualTo("New York");
    assertThat(postal.stateOrProvince()).isEqualTo("NY");
    assertThat(postal.postalCode()).isEqualTo("10118");
    assertThat(postal.country()).isEqualTo("US");
    assertThat(postal.isoCountryCode()).contains("US");
  }

  @Test
  void aSecondStreetLineKeepsNewYorkAsTheCity() {
    PostalAddress postal = ShippingAddress.parse("123 Main St, Apt 4, New York, USA").postal();

    assertThat(postal.streetLines()).containsExactly("123 Main St", "Apt 4");
    assertThat(postal.city()).isEqualTo("New York");
    assertThat(postal.stateOrProvince()).isNull();
    assertThat(postal.isoCountryCode()).contains("US");
  }

  @Test
  void aCanadianPostalCodeWithASpaceIsRecognised() {
    PostalAddress postal = ShippingAddress.parse("290 Bremner Blvd, Toronto, ON M5V 3L9, Canada").postal();

    assertThat(postal.city()).isEqualTo("Toronto");
    assertThat(postal.stateOrProvince()).isEqualTo("ON");
    assertThat(postal.postalCode()).isEqualTo("M5V 3L9");
    assertThat(postal.isoCountryCode()).contains("CA");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
      "   ",
      "123 Main St, City",
      "123 Main St",
      "123 Main St, , Country",
      "123 Main St, City, ",
      ", City, Country",
      "a, b, c, d, e, f, g",
      "---, City, Country"})
  void aMalformedAddressIsInvalid(String text) {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> ShippingAddress.parse(text))
        .withMessage("Invalid shipping address");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0000", "\u0007", "\n", "\r", "\t", "\u001b", "\u007f"})
  void anAddressWithAControlCharacterIsInvalid(String control) {
    String text = "123 Main" + control + "St, City, Country";

    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> ShippingAddress.parse(text))
        .withMessage("Invalid shipping address");
  }

  @Test
  void anAddressLongerThan500CharactersIsInvalid() {
    String street = "1".repeat(90) + " Main St";
    String longest = String.join(", ", street, street, street, "City", "Country");
    String tooLong = longest + " ".repeat(501 - longest.length());

    assertThat(tooLong).hasSize(501);
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> ShippingAddress.parse(tooLong))
        .withMessage("Invalid shipping address");
  }

  @Test
  void aPartLongerThan100CharactersIsInvalid() {
    String text = "1 " + "Long".repeat(25) + " St, City, Country";

    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> ShippingAddress.parse(text))
        .withMessage("Invalid shipping address");
  }

  @Test
  void aStructuredAddressGetsItsSingleLineText() {
    PostalAddress postal = new PostalAddress(List.of("350 Fifth Avenue", "Floor 20"), "New York", "NY", "10118", "US");

    ShippingAddress address = ShippingAddress.of(postal);

    assertThat(address.text()).isEqualTo("350 Fifth Avenue, Floor 20, New York, NY 10118, US");
    assertThat(address.postal()).isEqualTo(postal);
    assertThat(ShippingAddress.parse(address.text()).postal()).isEqualTo(postal);
  }

  @Test
  void aStructuredAddressNeedsStreetCityAndCountry() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> new PostalAddress(List.of(), "New York", null, null, "US"))
        .withMessage("Invalid shipping address");
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> new PostalAddress(List.of("350 Fifth Avenue"), " ", null, null, "US"));
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> new PostalAddress(List.of("350 Fifth Avenue"), "New York", null, null, null));
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> ShippingAddress.of(null));
  }

  @ParameterizedTest
  @CsvSource({"US, US", "us, US", "USA, US", "United States, US", "united states of america, US", "CA, CA",
      "CAN, CA", "Canada, CA", "Germany, DE", "DEU, DE", "United Kingdom, GB", "GBR, GB", "Puerto Rico, PR",
      "PRI, PR", "Japan, JP"})
  void aCountryWrittenAsAnIsoCodeOrItsEnglishNameIsResolved(String written, String iso) {
    PostalAddress postal = new PostalAddress(List.of("1 Main St"), "Springfield", null, null, written);

    assertThat(postal.isoCountryCode()).contains(iso);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Country", "ZZ", "XYZ", "Atlantis", "U.S."})
  void aCountryThatIsNoIsoCodeOrEnglishNameIsNotResolved(String written) {
    PostalAddress postal = new PostalAddress(List.of("1 Main St"), "Springfield", null, null, written);

    assertThat(postal.isoCountryCode()).isEmpty();
  }
}
