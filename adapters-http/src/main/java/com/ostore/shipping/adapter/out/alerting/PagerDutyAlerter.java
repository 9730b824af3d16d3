package com.ostore.shipping.adapter.out.alerting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ostore.shipping.domain.port.out.OnCallAlert;
import com.ostore.shipping.domain.port.out.OnCallAlerter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages the on-caller through the PagerDuty Events API v2. Delivery is retried with backoff; when it
 * still fails the alerter logs at ERROR and returns, because the job that raised the alert must go on.
 */
public final class PagerDutyAlerter implements OnCallAlerter {
  private static final Logger LOG = LoggerFactory.getLogger(PagerDutyAlerter.class);

  private final PagerDutyConfig config;
  private final HttpClient httpClient;
  private final DeliveryRetry retry;
  private final ObjectMapper mapper = new ObjectMapper();
  private final PagerDutyEvents events;

  public PagerDutyAlerter(PagerDutyConfig config) {
    this(config, HttpClient.newBuilder().connectTimeout(config.timeout()).build(), DeliveryRetry.DEFAULT);
  }

  public PagerDutyAlerter(PagerDutyConfig config, HttpClient httpClient, DeliveryRetry retry) {
    this.config = Objects.requireNonNull(config, "config");
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.events = new PagerDutyEvents(mapper, config);
  }

  @Override
  public void trigger(OnCallAlert alert) {
    deliver("trigger", alert.dedupKey(), () -> events.trigger(alert));
  }

  @Override
  public void resolve(String dedupKey) {
    deliver("resolve", dedupKey, () -> events.resolve(dedupKey));
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
        HttpResponse<String> response = httpClient.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status / 100 == 2) {
          LOG.info("PagerDuty {} delivered for dedup key {} (attempt {})", action, dedupKey, attempt);
          return;
        }
        lastProblem = "HTTP " + status + " " + redact(response.body());
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

  /** PagerDuty echoes parts of a refused event; make sure the routing key is never among them in our logs. */
  private String redact(String text) {
    String shortened = text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    return shortened.replace(config.routingKey().reveal(), "***");
  }

  private String describe(Exception e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + redact(e.getMessage()));
  }
}
