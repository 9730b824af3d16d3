package com.ostore.shipping.domain.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void aSecretNeverShowsItsValueWhenPrinted() {
    Secret secret = Secret.of("s3cr3t-client-secret");
    record Config(String clientId, Secret clientSecret) {}

    assertThat(secret).hasToString("***");
    assertThat(new Config("client", secret).toString()).doesNotContain("s3cr3t").contains("***");
    assertThat("token=" + secret).isEqualTo("token=***");
  }

  @Test
  void theValueIsGivenOutOnlyOnRequest() {
    assertThat(Secret.of("abc").reveal()).isEqualTo("abc");
    assertThat(Secret.of("").isEmpty()).isTrue();
    assertThat(Secret.of("abc")).isEqualTo(Secret.of("abc")).isNotEqualTo(Secret.of("abd"));
    assertThatNullPointerException().isThrownBy(() -> Secret.of(null));
  }
}
