package com.ostore.shipping.adapter.out.carrier.fedex;

import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.domain.port.out.CarrierAccountException;
import com.ostore.shipping.domain.port.out.CarrierException;
import com.ostore.shipping.domain.port.out.CarrierRejectedException;
import com.ostore.shipping.domain.port.out.CarrierUnavailableException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FedexErrorsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "ship/fedex-ship-v1-create-http400.spec-example.json|400|ACCOUNT fedex:account:ACCOUNTNUMBER.REGISTRATION.REQUIRED|ACCOUNTNUMBER.REGISTRATION.REQUIRED Please enter a valid 9-digit FedEx account number",
      "ship/fedex-ship-v1-create-http401.spec-example.json|401|ACCOUNT fedex:credentials|NOT.AUTHORIZED.ERROR Access token expired",
      "ship/fedex-ship-v1-create-http403.spec-example.json|403|ACCOUNT fedex:forbidden|FORBIDDEN.ERROR",
      "ship/fedex-ship-v1-create-http404.spec-example.json|404|REJECTED|NOT.FOUND.ERROR",
      "ship/fedex-ship-v1-create-http500.spec-example.json|500|UNAVAILABLE|INTERNAL.SERVER.ERROR",
      "ship/fedex-ship-v1-create-http503.spec-example.json|503|UNAVAILABLE|SERVICE.UNAVAILABLE.ERROR The service is currently unavailable",
      "fedex-track-v1-error-response.json|400|REJECTED|TRACKING.TRACKINGNUMBER.EMPTY Please provide tracking number.",
      "spec-examples/fedex-track-v1-trackingnumbers-http503-example.json|503|UNAVAILABLE|SERVICE.UNAVAILABLE.ERROR"})
  void recordedErrorBodiesMapToTheRightExceptionWithFedExsMessage(String sample, int status, String kind, String text) {
    CarrierException error = FedexErrors.fromResponse("FedEx call",
        new HttpResult(status, CarrierSamples.fedex(sample), null), null);

    assertThat(error).isInstanceOf(kind.equals("REJECTED") ? CarrierRejectedException.class
        : kind.startsWith("ACCOUNT") ? CarrierAccountException.class : CarrierUnavailableException.class);
    if (error instanceof CarrierAccountException account) {
      assertThat(account.causeKey()).isEqualTo(kind.substring("ACCOUNT ".length()));
    }
    assertThat(error.getMessage()).contains(text);
    assertThat(error.transactionId()).contains("624deea6-b709-470c-8c39-4b5511281492");
  }

  @Test
  void givenTheDailyQuota429_thenTheWaitEndsAtTheNextUtcMidnight() {
    HttpResult quota = new HttpResult(429, "{\"errors\":[{\"code\":\"X\",\"message\":\"Too many requests - Daily "
        + "transaction quota exceeded. Retry after 12:00AM GMT\"}]}", null);

    assertThat(FedexErrors.isDailyQuota(quota)).isTrue();
    assertThat(FedexErrors.untilNextUtcMidnight(Instant.parse("2026-01-05T21:30:00Z"))).isEqualTo(Duration.ofMinutes(150));
  }

  @Test
  void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
    Instant now = Instant.parse("2026-01-05T10:00:00Z");

    assertThat(new HttpResult(429, "", "7").retryAfter(now)).contains(Duration.ofSeconds(7));
    assertThat(new HttpResult(429, "", "Mon, 05 Jan 2026 10:00:30 GMT").retryAfter(now)).contains(Duration.ofSeconds(30));
    assertThat(new HttpResult(429, "", "soon").retryAfter(now)).isEmpty();
  }
}
