package com.ostore.shipping.adapter.out.carrier.usps;

import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** A MockWebServer dispatcher playing USPS: healthy OAuth and payments unless scripted, queued API answers. */
final class FakeUsps extends Dispatcher {
  final AtomicInteger tokenCalls = new AtomicInteger();
  final AtomicInteger paymentCalls = new AtomicInteger();
  final List<RecordedRequest> apiRequests = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<MockResponse.Builder>> queued = new ConcurrentHashMap<>();
  private final Map<String, MockResponse.Builder> otherwise = new ConcurrentHashMap<>();
  volatile String expiresIn = "3600";

  FakeUsps enqueue(String path, MockResponse.Builder... responses) {
    queued.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(responses));
    return this;
  }

  FakeUsps otherwise(String path, MockResponse.Builder response) {
    otherwise.put(path, response);
    return this;
  }

  List<RecordedRequest> requestsTo(String path) {
    return apiRequests.stream().filter(r -> r.getTarget().split("\\?")[0].equals(path)).toList();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getTarget().split("\\?")[0];
    if (path.equals("/oauth2/v3/token")) {
      int n = tokenCalls.incrementAndGet();
      return next(path).orElse(json(200, "{\"access_token\":\"access-token-number-" + n + "\",\"token_type\":\"Bearer\","
          + "\"expires_in\":\"" + expiresIn + "\",\"status\":\"approved\"}")).build();
    }
    if (path.equals("/payments/v3/payment-authorization")) {
      int n = paymentCalls.incrementAndGet();
      return next(path).orElse(json(200, "{\"paymentAuthorizationToken\":\"payment-token-number-" + n + "\"}")).build();
    }
    apiRequests.add(request);
    return next(path).orElse(otherwise.getOrDefault(path, json(404, "{}"))).build();
  }

  private java.util.Optional<MockResponse.Builder> next(String path) {
    Deque<MockResponse.Builder> responses = queued.get(path);
    return java.util.Optional.ofNullable(responses == null ? null : responses.poll());
  }

  static MockResponse.Builder json(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body);
  }

  static MockResponse.Builder multipartLabel(String trackingNumber) {
    String body = "--b1\r\nContent-Type: application/json\r\nContent-Disposition: form-data; name=\"labelMetadata\"\r\n\r\n"
        + "{\"trackingNumber\":\"" + trackingNumber + "\"}\r\n--b1\r\nContent-Type: application/pdf\r\n"
        + "Content-Disposition: form-data; filename=\"labelImage.pdf\"; name=\"labelImage\"\r\n\r\n"
        + "JVBERi0xLjQKJSVFT0YK\r\n--b1--\r\n";
    return new MockResponse.Builder().setHeader("Content-Type", "multipart/form-data; boundary=b1").body(body);
  }

  static String trackingArray(String trackingNumber, String eventCode) {
    return "[{\"trackingNumber\":\"" + trackingNumber + "\",\"trackingEvents\":[{\"eventType\":\"scan\","
        + "\"eventCode\":\"" + eventCode + "\",\"GMTTimestamp\":\"2026-01-05T15:00:00Z\",\"GMTOffset\":\"-05:00\","
        + "\"eventCity\":\"RICHMOND\",\"eventState\":\"VA\",\"eventZIPCode\":\"23227\"}]}]";
  }
}
