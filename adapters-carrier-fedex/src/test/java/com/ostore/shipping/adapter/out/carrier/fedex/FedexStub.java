package com.ostore.shipping.adapter.out.carrier.fedex;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/** A MockWebServer dispatcher: scripted token answers and scripted API answers, counted separately. */
final class FedexStub extends Dispatcher {
  final Queue<MockResponse> tokens = new ConcurrentLinkedQueue<>();
  final Queue<MockResponse> api = new ConcurrentLinkedQueue<>();
  final Queue<RecordedRequest> apiRequests = new ConcurrentLinkedQueue<>();
  final AtomicInteger tokenCalls = new AtomicInteger();
  final AtomicInteger apiCalls = new AtomicInteger();
  volatile long tokenDelayMillis;
  private final AtomicInteger issued = new AtomicInteger();

  static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  static String error(String code, String message) {
    return "{\"transactionId\":\"tx-42\",\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}]}";
  }

  static String trackResult(String number, String code) {
    return "{\"transactionId\":\"tx-7\",\"output\":{\"completeTrackResults\":[{\"trackingNumber\":\"" + number
        + "\",\"trackResults\":[{\"scanEvents\":[{\"date\":\"2026-01-05T09:00:00-05:00\",\"eventType\":\"" + code
        + "\",\"eventDescription\":\"scan\"}]}]}]}}";
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (request.getPath().startsWith("/oauth/token")) {
      tokenCalls.incrementAndGet();
      MockResponse scripted = tokens.poll();
      if (scripted != null) {
        return scripted;
      }
      return json(200, "{\"access_token\":\"tok-" + issued.incrementAndGet()
          + "-Aardvark\",\"token_type\":\"bearer\",\"expires_in\":3599,\"scope\":\"CXS-TP\"}")
          .setBodyDelay(tokenDelayMillis, TimeUnit.MILLISECONDS);
    }
    apiCalls.incrementAndGet();
    apiRequests.add(request);
    MockResponse scripted = api.poll();
    return scripted != null ? scripted : json(500, error("INTERNAL.SERVER.ERROR", "nothing scripted"));
  }
}
