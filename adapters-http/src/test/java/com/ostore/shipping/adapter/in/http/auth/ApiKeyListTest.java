package com.ostore.shipping.adapter.in.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyListTest {
  private static final String HASH = ApiKey.sha256Hex("ostk_example");

  @Test
  void linesAndSemicolonSeparatedEntriesAreRead() {
    List<ApiKey> keys = ApiKeyList.parse("""
        # order management, all but cancelling
        orders:%s:shipments:read,shipments:write,labels:read

        ops:%s:shipments:cancel;warehouse:%s: labels:read
        """.formatted(HASH, ApiKey.sha256Hex("ostk_ops"), ApiKey.sha256Hex("ostk_wh")));

    assertThat(keys).extracting(ApiKey::name).containsExactly("orders", "ops", "warehouse");
    assertThat(keys.get(0).scopes())
        .isEqualTo(EnumSet.of(Scope.SHIPMENTS_READ, Scope.SHIPMENTS_WRITE, Scope.LABELS_READ));
    assertThat(keys.get(2).scopes()).containsExactly(Scope.LABELS_READ);
  }

  @Test
  void aKeyIsCheckedAgainstItsHashOnly() {
    ApiKey key = ApiKeyList.parse("orders:" + HASH + ":shipments:read").get(0);

    assertThat(key.matchesHash(ApiKey.sha256("ostk_example"))).isTrue();
    assertThat(key.matchesHash(ApiKey.sha256("ostk_examplf"))).isFalse();
  }

  @Test
  void mistakesNameTheEntryButNeverRepeatItsContent() {
    assertThatIllegalArgumentException().isThrownBy(() -> ApiKeyList.parse("ostk_pasted_the_key_itself"))
        .withMessage("entry 1: expected name:sha256hex:scope,scope");
    assertThatIllegalArgumentException().isThrownBy(() -> ApiKeyList.parse("\norders:ostk_secret:shipments:read"))
        .withMessage("entry 2: the hash must be 64 hex digits (SHA-256 of the key)")
        .withMessageNotContaining("ostk_secret");
    assertThatIllegalArgumentException().isThrownBy(() -> ApiKeyList.parse("orders:" + HASH + ":shipments:delete"))
        .withMessageStartingWith("entry 1: unknown scope 'shipments:delete'");
    assertThatIllegalArgumentException().isThrownBy(() -> ApiKeyList.parse("orders:" + HASH + ":"))
        .withMessage("entry 1: API key orders has no scopes");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ApiKeyList.parse("a:" + HASH + ":labels:read\na:" + HASH + ":labels:read"))
        .withMessage("entry 2: API key name a is used twice");
  }

  @Test
  void generatedKeysAreLongRandomAndContainNoDot() {
    String one = ApiKey.generate();
    String two = ApiKey.generate();

    assertThat(one).startsWith("ostk_").hasSize(48).doesNotContain(".").isNotEqualTo(two);
  }
}
