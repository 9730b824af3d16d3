package com.ostore.shipping.adapter.out.alerting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ostore.shipping.domain.port.out.OnCallAlert;
import com.ostore.shipping.domain.port.out.OnCallAlerter;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages the on-caller through the PagerDuty Events API v2. Delivery is retried with backoff; when it
 * still fails the alerter logs at ERROR and gives up, because the job that raised the alert must go on.
 * Built from its config alone it delivers on its own thread, in order, from a bounded queue: raising an
 * alert never holds a worker for the tens of seconds a slow or unreachable PagerDuty could take.
 */
public final class PagerDutyAlerter implements OnCallAlerter, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PagerDutyAlerter.class);
  /** PagerDuty answers with a short status object; anything longer is cut, never held whole. */
  static final int MAX_RESPONSE_BYTES = 4096;
  private static final int MAX_QUEUED = 1000;

  private final PagerDutyConfig config;
  private final HttpClient httpClient;
  private final DeliveryRetry retry;
  private final ObjectMapper mapper = new ObjectMapper();
  private final PagerDutyEvents events;
  private final ExecutorService delivery;

  /** Delivers on a thread of its own; close it to let queued alerts go out. */
  public PagerDutyAlerter(PagerDutyConfig config) {
    this(config, HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER)
        .build(), DeliveryRetry.DEFAULT, deliveryThread());
  }

  /** Delivers on the caller's thread (for callers that run alerting on a thread of their own). */
  public PagerDutyAlerter(PagerDutyConfig config, HttpClient httpClient, DeliveryRetry retry) {
    this(config, httpClient, retry, null);
  }

  /** Delivers on {@code delivery}, or on the caller's thread when it is null. */
  public PagerDutyAlerter(PagerDutyConfig config, HttpClient httpClient, DeliveryRetry retry, ExecutorService delivery) {
    this.config = Objects.requireNonNull(config, "config");
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.events = new PagerDutyEvents(mapper, config);
    this.delivery = delivery;
  }

  @Override
  public void trigger(OnCallAlert alert) {
    submit("trigger", alert.dedupKey(), () -> deliver("trigger", alert.dedupKey(), () -> events.trigger(alert)));
  }

  @Override
  public void resolve(String dedupKey) {
    submit("resolve", dedupKey, () -> deliver("resolve", dedupKey, () -> events.resolve(dedupKey)));
  }

  private void submit(String action, String dedupKey, Runnable send) {
    if (delivery == null) {
      send.run();
      return;
    }
    try {
      delivery.execute(send);
    } catch (RejectedExecutionException e) {
      LOG.error("PagerDuty {} for dedup key {} NOT delivered: {} alerts already wait to be sent", action, dedupKey,
          MAX_QUEUED);
    }
  }

  private static ExecutorService deliveryThread() {
    return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(MAX_QUEUED), runnable -> {
      Thread thread = new Thread(runnable, "pagerduty-delivery");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Lets alerts already queued go out for a little while, then stops. */
  @Override
  public void close() {
    if (delivery == null) {
      return;
    }
    delivery.shutdown();
    try {
      if (!delivery.awaitTermination(config.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
        delivery.shutdownNow();
      }
    } catch (InterruptedException e) {
      delivery.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(String action, String dedupKey, Supplier<ObjectNode> event) {
    try {
      HttpRequest request = HttpRequest.newBuilder(config.url())
          .timeout(config.timeout())
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(event.get())))
          .build();
      sendWithRetries(action, dedupKey, request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.error("PagerDuty {} for dedup key {} abandoned: interrupted", action, dedupKey);
    } catch (IOException | RuntimeException e) {
      LOG.error("PagerDuty {} for dedup key {} could not be sent: {}", action, dedupKey, describe(e));
    }
  }

  private void sendWithRetries(String action, String dedupKey, HttpRequest request) throws InterruptedException {
    String lastProblem = "";
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      if (attempt > 1) {
        Thread.sleep(retry.backoffAfter(attempt - 1).toMillis());
      }
      try {
        HttpResponse<InputStream> response = httpClient.send(request, HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        String body = readCapped(response.body());
        if (status / 100 == 2) {
          LOG.info("PagerDuty {} delivered for dedup key {} (attempt {})", action, dedupKey, attempt);
          return;
        }
        lastProblem = "HTTP " + status + " " + redact(body);
        if (status / 100 == 4 && status != 429) {
          break; // PagerDuty refused the event itself; sending it again cannot succeed.
        }
      } catch (IOException e) {
        lastProblem = describe(e);
      }
      LOG.warn("PagerDuty {} for dedup key {} failed (attempt {} of {}): {}", action, dedupKey, attempt,
          retry.maxAttempts(), lastProblem);
    }
    LOG.error("PagerDuty {} for dedup key {} NOT delivered, the on-caller was not notified: {}", action, dedupKey,
        lastProblem);
  }

  private static String readCapped(InputStream in) throws IOException {
    try (in) {
      return new String(in.readNBytes(MAX_RESPONSE_BYTES), StandardCharsets.UTF_8);
    }
  }

  /** PagerDuty echoes parts of a refused event; make sure the routing key is never among them in our logs. */
  private String redact(String text) {
    String shortened = text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    return shortened.replace(config.routingKey().reveal(), "***");
  }

  private String describe(Exception e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + redact(e.getMessage()));
  }
}
