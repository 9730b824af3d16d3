package com.ostore.shipping.adapter.out.carrier.usps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

class UspsHttpClientCapTest {

  @Test
  void aResponseBodyIsReadOnlyUpToItsCap() throws Exception {
    byte[] ten = "0123456789".getBytes(StandardCharsets.US_ASCII);

    assertThat(UspsHttpClient.readCapped(ResponseBody.create(ten, null), 10)).isEqualTo(ten);
    assertThatExceptionOfType(IOException.class)
        .isThrownBy(() -> UspsHttpClient.readCapped(ResponseBody.create(ten, null), 9))
        .withMessage("USPS response is larger than 9 bytes");
  }
}
