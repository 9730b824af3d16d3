package com.ostore.shipping.adapter.out.carrier.usps;

import static com.ostore.shipping.adapter.out.carrier.usps.FakeUsps.json;
import static com.ostore.shipping.adapter.out.carrier.usps.FakeUsps.multipartLabel;
import static com.ostore.shipping.adapter.out.carrier.usps.FakeUsps.trackingArray;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.CarrierException;
import com.ostore.shipping.domain.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class UspsSecretLeakTest {
  private static final String TRACK = "/tracking/v3r2/tracking";
  private static final TrackingNumber NUMBER = TrackingNumber.of("9400100000000000000001");
  private final MockWebServer server = new MockWebServer();
  private final FakeUsps usps = new FakeUsps();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger adapterLogger = (Logger) LoggerFactory.getLogger("com.ostore.shipping.adapter.out.carrier.usps");
  private UspsConfig config;
  private UspsCarrierGateway gateway;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(usps);
    server.start();
    adapterLogger.setLevel(Level.DEBUG);
    logs.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    config = UspsTestData.config(server.url("/").toString(), MutableClock.at("2026-01-05T09:00:00Z"));
    gateway = new UspsCarrierGateway(config);
  }

  @AfterEach
  void stop() throws Exception {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    adapterLogger.setLevel(null);
    gateway.close();
    server.close();
  }

  @Test
  void neitherTheClientSecretNorAnyTokenAppearsInLogsMessagesOrConfig() {
    List<String> texts = new ArrayList<>();
    // A careless gateway echoing credentials back must not get them into our messages either.
    usps.enqueue(TRACK, json(401, "{}"), json(503, "{\"error\":{\"message\":\"token access-token-number-2 and "
        + UspsTestData.SECRET + " rejected\"}}"), json(200, trackingArray(NUMBER.value(), "03")));
    gateway.track(List.of(NUMBER));
    usps.enqueue("/labels/v3/label", multipartLabel("9400111111111111111111"));
    gateway.purchaseLabels(UspsTestData.labelRequest("leak-test", 1, false));
    usps.otherwise(TRACK, json(400, "{\"error\":{\"errors\":[{\"detail\":\"bad payment-token-number-1 "
        + UspsTestData.SECRET + "\"}]}}"));
    usps.enqueue("/oauth2/v3/token", json(401, "{\"error\":\"invalid_client\",\"error_description\":\"secret "
        + UspsTestData.SECRET + " is wrong\"}"));
    collect(texts, () -> gateway.track(List.of(NUMBER)));
    collect(texts, () -> new UspsCarrierGateway(config).track(List.of(NUMBER)));
    texts.add(config.toString());
    logs.list.forEach(event -> {
      texts.add(event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        texts.add(event.getThrowableProxy().getMessage());
      }
    });

    assertThat(logs.list).isNotEmpty();
    assertThat(texts).isNotEmpty().noneMatch(text -> text != null && (text.contains(UspsTestData.SECRET)
        || text.contains("access-token-number") || text.contains("payment-token-number")));
    assertThat(config.toString()).contains("clientSecret=***");
  }

  private static void collect(List<String> texts, Runnable call) {
    try {
      call.run();
    } catch (CarrierException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        texts.add(t.getMessage());
      }
    }
  }
}
