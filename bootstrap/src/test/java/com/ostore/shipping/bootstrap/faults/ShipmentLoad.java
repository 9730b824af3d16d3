package com.ostore.shipping.bootstrap.faults;

import com.ostore.shipping.bootstrap.e2e.ServiceUnderTest;
import com.ostore.shipping.bootstrap.e2e.ShipmentRequests;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * Order Management creating shipments at a steady pace through whichever instance is up right now
 * (FedEx and USPS, one to three packages), remembering every shipment the service acknowledged with
 * {@code 201} and how the other requests ended. Requests are sent from a pool, so a request the
 * service holds up does not hold up the pace.
 */
final class ShipmentLoad implements AutoCloseable {
  private final IntSupplier port;
  private final String apiKey;
  private final Duration interval;
  private final AtomicLong nextOrder;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService senders = Executors.newFixedThreadPool(16);
  private final AtomicLong ticks = new AtomicLong();
  private final AtomicLong attempts = new AtomicLong();
  private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
  private volatile boolean paused;
  private volatile long limit = Long.MAX_VALUE;

  /**
   * {@code overrides} plus a create limit the load never reaches: the load is all of Order Management at
   * its steady pace, not the one caller the per-credential limit is meant for.
   */
  static Map<String, String> unthrottled(Map<String, String> overrides) {
    Map<String, String> environment = new HashMap<>(overrides);
    environment.put("CREATE_RATE_LIMIT_CALLS", "100000");
    environment.put("CREATE_RATE_LIMIT_PERIOD", "1s");
    return environment;
  }

  /**
   * Sends one request every {@code interval} to 127.0.0.1 on the port {@code port} names at that moment,
   * with the sandbox's API key.
   */
  ShipmentLoad(IntSupplier port, String apiKey, Duration interval, long firstOrderId) {
    this.port = port;
    this.apiKey = apiKey;
    this.interval = interval;
    this.nextOrder = new AtomicLong(firstOrderId);
  }

  ShipmentLoad start() {
    pacer.scheduleAtFixedRate(() -> {
      if (!paused) {
        ticks.incrementAndGet();
        senders.submit(this::sendOne);
      }
    }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** Sends no more than {@code requests} requests in all. */
  ShipmentLoad limitedTo(long requests) {
    this.limit = requests;
    return this;
  }

  void pause() {
    paused = true;
  }

  void resume() {
    paused = false;
  }

  /**
   * How many requests the pace has called for so far, sent or still waiting for a free sender: the
   * load's own clock, which keeps going while the service holds requests up.
   */
  long ticks() {
    return ticks.get();
  }

  long attempts() {
    return attempts.get();
  }

  /** The shipments the service answered {@code 201 Created} for. */
  Set<Long> acknowledged() {
    return Set.copyOf(acknowledged);
  }

  int acknowledgedCount() {
    return acknowledged.size();
  }

  /**
   * How the requests that were not acknowledged ended: an HTTP status (with the {@code Retry-After} the
   * service gave, if any) or no answer.
   */
  Map<String, Long> failures() {
    Map<String, Long> copy = new TreeMap<>();
    failures.forEach((outcome, count) -> copy.put(outcome, count.get()));
    return copy;
  }

  long failureCount() {
    return failures.values().stream().mapToLong(AtomicLong::get).sum();
  }

  private void sendOne() {
    long sent;
    do {
      sent = attempts.get();
      if (sent >= limit) {
        return;
      }
    } while (!attempts.compareAndSet(sent, sent + 1));
    long n = sent + 1;
    long order = nextOrder.getAndIncrement();
    String body = n % 3 == 0 ? ShipmentRequests.usps(order, 1 + (int) (n % 2))
        : ShipmentRequests.fedex(order, 1 + (int) (n % 3));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + "/shipments"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + apiKey)
        .timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 201) {
        acknowledged.add(ServiceUnderTest.json(response).get("shipmentID").asLong());
      } else {
        // The wait the service asked for is part of the outcome: a refusal without one leaves the caller guessing.
        failed("HTTP " + response.statusCode()
            + response.headers().firstValue("Retry-After").map(wait -> " Retry-After " + wait).orElse(""));
      }
    } catch (IOException e) {
      failed("no answer");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failed("interrupted");
    }
  }

  private void failed(String outcome) {
    failures.computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet();
  }

  /** Stops sending; requests already sent get their answer first. */
  @Override
  public void close() {
    pacer.shutdownNow();
    senders.shutdown();
    try {
      senders.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
