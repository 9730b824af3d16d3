package com.ostore.shipping.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void idsArePositive(long value) {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> ShipmentId.of(value))
        .withMessage("shipmentID must be a positive integer");
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> OrderId.of(value))
        .withMessage("orderID must be a positive integer");
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> ParcelId.of(value))
        .withMessage("packageID must be a positive integer");
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> TrackingEventId.of(value))
        .withMessage("trackingEventID must be a positive integer");
  }

  @Test
  void idsPrintAsTheirNumberAndCompareByValue() {
    assertThat(ShipmentId.of(1001)).hasToString("1001").isEqualTo(new ShipmentId(1001));
    assertThat(OrderId.of(1)).hasToString("1");
    assertThat(ParcelId.of(Long.MAX_VALUE).value()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void weightsArePositiveAndAtMostWhatCarriersAccept() {
    assertThat(Weight.pounds("150").value()).isEqualByComparingTo("150");
    assertThat(new Weight(new BigDecimal("68"), WeightUnit.KG).inPounds()).isEqualByComparingTo("149.92");

    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Weight.pounds("0"));
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Weight.pounds("-1"));
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Weight.pounds("150.01"))
        .withMessage("weight must be at most 150 lb (68 kg)");
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> new Weight(new BigDecimal("68.1"), WeightUnit.KG));
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> new Weight(BigDecimal.ONE, null));
  }

  @Test
  void aWeightFinerThanTwoDecimalsIsRefusedNotRounded() {
    assertThat(Weight.pounds("2.500").value()).hasToString("2.5");
    assertThat(Weight.pounds("1E+2").value()).hasToString("100");

    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Weight.pounds("2.501"))
        .withMessage("weight may have at most 2 decimal places");
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Weight.pounds("1e-1000000"))
        .withMessage("weight may have at most 2 decimal places");
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Weight.pounds("1e+1000000"))
        .withMessage("weight must be at most 150 lb (68 kg)");
  }

  @Test
  void aSideFinerThanTwoDecimalsOrWithAnAbsurdExponentIsRefused() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> new Dimensions(new BigDecimal("1e-100000"), BigDecimal.ONE, BigDecimal.ONE, LengthUnit.IN))
        .withMessage("dimensions may have at most 2 decimal places");
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> new Dimensions(BigDecimal.ONE, new BigDecimal("1e999999999"), BigDecimal.ONE, LengthUnit.CM))
        .withMessage("no side of a package may exceed 108 in (274 cm)");
    assertThat(new Dimensions(new BigDecimal("1.50"), BigDecimal.ONE, new BigDecimal("1E+1"), LengthUnit.IN).toText())
        .isEqualTo("1.50x1x10 in");
  }

  @Test
  void textWithControlOrBidiCharactersOrHalfASurrogatePairIsNotPrintable() {
    assertThat(Text.isPrintable("Zoë 🚚 Straße")).isTrue();
    assertThat(Text.isPrintable("a\u0000b")).isFalse();
    assertThat(Text.isPrintable("a\u202Eb")).isFalse();
    assertThat(Text.isPrintable("a\uD800b")).isFalse();
    assertThat(Text.quoted("x\u0000" + "y".repeat(50), 5)).isEqualTo("x?yyy...");
  }

  @Test
  void weightAndLengthUnitsReadTheirWireNames() {
    assertThat(WeightUnit.fromWireName("KG")).isEqualTo(WeightUnit.KG);
    assertThat(LengthUnit.fromWireName("in")).isEqualTo(LengthUnit.IN);
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> WeightUnit.fromWireName("oz"));
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> LengthUnit.fromWireName("mm"));
  }

  @Test
  void dimensionsParseTheirTextFormAndWriteItBack() {
    Dimensions parsed = Dimensions.parse(" 12 x 8.5 x 4 CM ");

    assertThat(parsed.length()).isEqualByComparingTo("12");
    assertThat(parsed.width()).isEqualByComparingTo("8.5");
    assertThat(parsed.unit()).isEqualTo(LengthUnit.CM);
    assertThat(parsed.toText()).isEqualTo("12x8.5x4 cm");
    assertThat(Dimensions.parse(parsed.toText())).isEqualTo(parsed);
  }

  @Test
  void noSideMayBeZeroOrLongerThanCarriersAccept() {
    assertThat(Dimensions.parse("108x1x1 in").length()).isEqualByComparingTo("108");
    assertThat(Dimensions.parse("274x1x1 cm").length()).isEqualByComparingTo("274");

    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Dimensions.parse("0x8x4 in"))
        .withMessage("dimensions must be greater than 0");
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Dimensions.parse("12x8x109 in"))
        .withMessage("no side of a package may exceed 108 in (274 cm)");
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Dimensions.parse("275x8x4 cm"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12x8 in", "12x8x4", "12x8x4 ft", "1.2.3x8x4 in", "axbxc in"})
  void malformedDimensionsAreInvalid(String text) {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Dimensions.parse(text));
  }

  @Test
  void trackingNumbersAreNormalisedToUpperCaseWithoutSurroundingSpace() {
    assertThat(TrackingNumber.of(" 9400abc123 ").value()).isEqualTo("9400ABC123");
    assertThat(TrackingNumber.of("1234")).hasToString("1234");
    assertThat(TrackingNumber.of("9".repeat(40)).value()).hasSize(40);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "123", "7946-0000-0001", "7946 0000 0001", "ÄBCDE"})
  void malformedTrackingNumbersAreInvalid(String value) {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> TrackingNumber.of(value))
        .withMessage("tracking number must be 4 to 40 letters or digits");
  }

  @Test
  void aTrackingNumberIsRequiredAndAtMost40Characters() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> TrackingNumber.of(null));
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> TrackingNumber.of("9".repeat(41)));
  }

  @Test
  void carrierCodesReadTheirWireNamesLeniently() {
    assertThat(CarrierCode.fromWireName(" FedEx ")).isEqualTo(CarrierCode.FEDEX);
    assertThat(CarrierCode.USPS.wireName()).isEqualTo("usps");
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> CarrierCode.fromWireName("ups"))
        .withMessage("carrier must be one of fedex, usps");
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> CarrierCode.fromWireName(null));
  }

  @Test
  void trackingEventTypesNameThePackageStatusTheyLeadTo() {
    assertThat(TrackingEventType.PICKED_UP.packageStatus()).contains(ShipmentStatus.SHIPPED);
    assertThat(TrackingEventType.UNKNOWN.packageStatus()).isEmpty();
    assertThat(TrackingEventType.fromWireName("out_for_delivery")).isEqualTo(TrackingEventType.OUT_FOR_DELIVERY);
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> TrackingEventType.fromWireName("lost"));
  }
}
