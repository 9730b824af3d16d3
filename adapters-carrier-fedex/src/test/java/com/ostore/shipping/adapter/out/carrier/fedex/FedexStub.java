package com.ostore.shipping.adapter.out.carrier.fedex;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** A MockWebServer dispatcher: scripted token answers and scripted API answers, counted separately. */
final class FedexStub extends Dispatcher {
  final Queue<MockResponse.Builder> tokens = new ConcurrentLinkedQueue<>();
  final Queue<MockResponse.Builder> api = new ConcurrentLinkedQueue<>();
  final Queue<RecordedRequest> apiRequests = new ConcurrentLinkedQueue<>();
  final AtomicInteger tokenCalls = new AtomicInteger();
  final AtomicInteger apiCalls = new AtomicInteger();
  volatile long tokenDelayMillis;
  private final AtomicInteger issued = new AtomicInteger();

  static MockResponse.Builder json(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body);
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
    if (request.getTarget().startsWith("/oauth/token")) {
      tokenCalls.incrementAndGet();
      MockResponse.Builder scripted = tokens.poll();
      if (scripted != null) {
        return scripted.build();
      }
      return json(200, "{\"access_token\":\"tok-" + issued.incrementAndGet()
          + "-Aardvark\",\"token_type\":\"bearer\",\"expires_in\":3599,\"scope\":\"CXS-TP\"}")
          .bodyDelay(tokenDelayMillis, TimeUnit.MILLISECONDS).build();
    }
    apiCalls.incrementAndGet();
    apiRequests.add(request);
    MockResponse.Builder scripted = api.poll();
    return (scripted != null ? scripted : json(500, error("INTERNAL.SERVER.ERROR", "nothing scripted"))).build();
  }
}
