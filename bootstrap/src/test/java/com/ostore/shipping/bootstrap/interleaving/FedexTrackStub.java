package com.ostore.shipping.bootstrap.interleaving;

import io.javalin.Javalin;

/**
 * FedEx's OAuth and Track-by-number endpoints, answering the Track call with whatever the test scripted
 * last (in the shape of the Track API v1 answer the FedEx adapter reads).
 */
final class FedexTrackStub implements AutoCloseable {
  private volatile String trackAnswer = "{\"output\":{\"completeTrackResults\":[]}}";
  private final Javalin app;

  FedexTrackStub() {
    app = Javalin.create(config -> config.routes
        .post("/oauth/token", ctx -> ctx.contentType("application/json").result(
            "{\"access_token\":\"stub-token\",\"token_type\":\"bearer\",\"expires_in\":3599,\"scope\":\"CXS\"}"))
        .post("/track/v1/trackingnumbers", ctx -> ctx.contentType("application/json").result(trackAnswer)))
        .start("127.0.0.1", 0);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + app.port();
  }

  /** From now on the Track API answers with this one package's scans, newest first as FedEx lists them. */
  void answer(String trackingNumber, String... scanEvents) {
    trackAnswer = """
        {"transactionId": "stub-track", "output": {"completeTrackResults": [{"trackingNumber": "%s",
          "trackResults": [{"trackingNumberInfo": {"trackingNumber": "%s", "trackingNumberUniqueId": "12029~%s~FDEG"},
            "scanEvents": [%s]}]}]}}""".formatted(trackingNumber, trackingNumber, trackingNumber,
        String.join(",", scanEvents));
  }

  /** One scan event; {@code date} as FedEx prints it, with or without a UTC offset. */
  static String scanEvent(String date, String code, String description, String city) {
    return """
        {"date": "%s", "eventType": "%s", "eventDescription": "%s",
         "scanLocation": {"city": "%s", "stateOrProvinceCode": "TN", "countryCode": "US"}}"""
        .formatted(date, code, description, city);
  }

  @Override
  public void close() {
    app.stop();
  }
}
