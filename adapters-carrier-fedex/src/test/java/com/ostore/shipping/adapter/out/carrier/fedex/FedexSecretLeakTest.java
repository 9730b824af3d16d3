package com.ostore.shipping.adapter.out.carrier.fedex;

import static com.ostore.shipping.adapter.out.carrier.fedex.FedexStub.error;
import static com.ostore.shipping.adapter.out.carrier.fedex.FedexStub.json;
import static com.ostore.shipping.adapter.out.carrier.fedex.FedexStub.trackResult;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierException;
import com.ostore.shipping.domain.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class FedexSecretLeakTest {
  private static final TrackingNumber NUMBER = TrackingNumber.of("794953535000");

  @Test
  void theClientSecretTokensAndAccountNumberAppearInNoLogLineExceptionMessageOrToString() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    root.setLevel(Level.ALL);
    List<String> texts = new ArrayList<>();
    MockWebServer server = new MockWebServer();
    FedexStub stub = new FedexStub();
    server.setDispatcher(stub);
    server.start();
    FedexConfig config = FedexTestData.config(server.url("/").toString(), MutableClock.at("2026-01-05T14:00:00Z"));
    try (FedexCarrierGateway gateway = new FedexCarrierGateway(config)) {
      stub.tokens.add(json(401, error("NOT.AUTHORIZED.ERROR", "The given client credentials were not valid.")));
      texts.add(failure(() -> gateway.track(List.of(NUMBER))));
      stub.api.add(json(401, error("NOT.AUTHORIZED.ERROR", "Access token expired.")));
      stub.api.add(json(503, error("SERVICE.UNAVAILABLE.ERROR", "down")));
      stub.api.add(json(200, trackResult(NUMBER.value(), "PU")));
      gateway.track(List.of(NUMBER));
      stub.api.add(json(400, error("RECIPIENTS.ADDRESS.INVALID", "Recipient address is invalid.")));
      texts.add(failure(() -> gateway.purchaseLabels(FedexTestData.request("ship-1", 1, false))));
      stub.api.add(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).body("{}"));
      texts.add(failure(() -> gateway.purchaseLabels(FedexTestData.request("ship-1", 1, false))));
      stub.api.add(json(200, "not json " + FedexTestData.CLIENT_ID));
      texts.add(failure(() -> gateway.track(List.of(NUMBER))));
    } finally {
      root.detachAppender(logs);
      root.setLevel(before);
      server.close();
    }
    texts.add(config.toString());
    texts.add(config.shipCredentials().toString());
    logs.list.forEach(event -> {
      texts.add(event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        texts.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
    });

    assertThat(stub.tokenCalls.get()).isGreaterThanOrEqualTo(3);
    assertThat(texts).isNotEmpty().allSatisfy(text -> assertThat(text)
        .doesNotContain(FedexTestData.CLIENT_SECRET)
        .doesNotContain("Aardvark")
        .doesNotContain(FedexTestData.ACCOUNT));
    assertThat(config.toString()).contains("clientSecret=***", "*****073");
  }

  private static String failure(Runnable call) {
    try {
      call.run();
      throw new AssertionError("expected the call to fail");
    } catch (CarrierException expected) {
      StringBuilder text = new StringBuilder(expected.toString());
      for (Throwable cause = expected.getCause(); cause != null; cause = cause.getCause()) {
        text.append(" | ").append(cause);
      }
      return text.toString();
    }
  }
}
