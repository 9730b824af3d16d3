package com.ostore.shipping.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.ostore.shipping.domain.support.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseConfigTest {
  private static final DatabaseConfig CONFIG =
      DatabaseConfig.of("jdbc:postgresql://db/shop", "shipping", Secret.of("s3cr3t-pw"));

  @Test
  void withoutASchemaTheServiceGetsOneOfItsOwn() {
    assertThat(CONFIG.schema()).isEqualTo("shipment_tracking");
    assertThat(CONFIG.toString()).contains("schema=shipment_tracking").doesNotContain("s3cr3t-pw");
  }

  @ParameterizedTest
  @ValueSource(strings = {"public", "shipping_east", "_tenant2", "s"})
  void lowerCasePostgresNamesAreSchemas(String name) {
    assertThat(CONFIG.withSchema(name).schema()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Shipping", "2shipping", "pg_shipping", "ship-ping", "ship ping", "a\"; DROP TABLE x; --",
      "a123456789012345678901234567890123456789012345678901234567890123"})
  void anythingElseIsRefusedBeforeItReachesTheDatabase(String name) {
    assertThatIllegalArgumentException().isThrownBy(() -> CONFIG.withSchema(name))
        .withMessageContaining("schema name");
  }

  @Test
  void eachSchemaHasItsOwnRelayLockKeyAndPublicKeepsTheKeyOfEarlierReleases() {
    List<Long> keys = List.of("shipment_tracking", "shipping_east", "shipping_west", "public").stream()
        .map(schema -> CONFIG.withSchema(schema).relayLockKey()).toList();

    assertThat(keys).doesNotHaveDuplicates();
    assertThat(CONFIG.withSchema("shipping_east").relayLockKey())
        .isEqualTo(CONFIG.withSchema("shipping_east").relayLockKey());
    assertThat(CONFIG.withSchema("public").relayLockKey()).isEqualTo(0x4F53544F52454F42L);
  }

  @Test
  void eachSchemaHasItsOwnOutboxChannel_aNameListenAcceptsHoweverLongTheSchemaName() {
    String longest = "s".repeat(63);
    List<String> channels = List.of("shipment_tracking", "shipping_east", "public", longest).stream()
        .map(schema -> CONFIG.withSchema(schema).outboxChannel()).toList();

    assertThat(channels).doesNotHaveDuplicates().allMatch(channel -> channel.matches("ostore_outbox_[0-9a-f]{16}"));
  }

  @Test
  void eachSchemaHasItsOwnOrderLockSpaceAndPublicKeepsTheSpaceOfEarlierReleases() {
    List<Integer> spaces = List.of("shipment_tracking", "shipping_east", "shipping_west", "public").stream()
        .map(schema -> CONFIG.withSchema(schema).orderLockSpace()).toList();

    assertThat(spaces).doesNotHaveDuplicates();
    assertThat(CONFIG.withSchema("public").orderLockSpace()).isEqualTo(0x4F534F52);
  }
}
