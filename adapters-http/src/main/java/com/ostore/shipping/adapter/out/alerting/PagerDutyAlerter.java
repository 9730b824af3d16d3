package com.ostore.shipping.adapter.out.alerting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ostore.shipping.domain.port.out.OnCallAlert;
import com.ostore.shipping.domain.port.out.OnCallAlerter;
import com.ostore.shipping.domain.port.out.OnCallDelivery;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages the on-caller through the PagerDuty Events API v2. One call is one attempt: only {@code 202}
 * counts as accepted; anything else (an error status, a timeout, no answer) is reported back so the
 * caller keeps the alert and sends it again later under the same dedup key, which PagerDuty merges.
 */
public final class PagerDutyAlerter implements OnCallAlerter {
  private static final Logger LOG = LoggerFactory.getLogger(PagerDutyAlerter.class);
  /** What the Events API answers when it took the event. */
  private static final int ACCEPTED = 202;
  /** PagerDuty answers with a short status object; anything longer is cut, never held whole. */
  static final int MAX_RESPONSE_BYTES = 4096;
  /** Connecting is quick or hopeless: a call on a worker thread never waits long for it. */
  private static final Duration MAX_CONNECT = Duration.ofSeconds(2);

  private final PagerDutyConfig config;
  private final HttpClient httpClient;
  private final ObjectMapper mapper = new ObjectMapper();
  private final PagerDutyEvents events;

  public PagerDutyAlerter(PagerDutyConfig config) {
    this(config, HttpClient.newBuilder()
        .connectTimeout(config.timeout().compareTo(MAX_CONNECT) < 0 ? config.timeout() : MAX_CONNECT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build());
  }

  public PagerDutyAlerter(PagerDutyConfig config, HttpClient httpClient) {
    this.config = Objects.requireNonNull(config, "config");
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
    this.events = new PagerDutyEvents(mapper, config);
  }

  @Override
  public OnCallDelivery trigger(OnCallAlert alert) {
    return deliver("trigger", alert.dedupKey(), () -> events.trigger(alert));
  }

  @Override
  public OnCallDelivery resolve(String dedupKey) {
    return deliver("resolve", dedupKey, () -> events.resolve(dedupKey));
  }

  private OnCallDelivery deliver(String action, String dedupKey, Supplier<ObjectNode> event) {
    try {
      HttpRequest request = HttpRequest.newBuilder(config.url())
          .timeout(config.timeout())
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(event.get())))
          .build();
      HttpResponse<InputStream> response = httpClient.send(request, HttpResponse.BodyHandlers.ofInputStream());
      String body = readCapped(response.body());
      if (response.statusCode() == ACCEPTED) {
        LOG.info("PagerDuty accepted the {} for dedup key {}", action, dedupKey);
        return OnCallDelivery.ACCEPTED;
      }
      return failed(action, dedupKey, "HTTP " + response.statusCode() + " " + redact(body));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(action, dedupKey, "interrupted");
    } catch (IOException | RuntimeException e) {
      return failed(action, dedupKey, describe(e));
    }
  }

  private static String readCapped(InputStream in) throws IOException {
    try (in) {
      return new String(in.readNBytes(MAX_RESPONSE_BYTES), StandardCharsets.UTF_8);
    }
  }

  private static OnCallDelivery failed(String action, String dedupKey, String problem) {
    LOG.warn("PagerDuty did not accept the {} for dedup key {}: {}", action, dedupKey, problem);
    return OnCallDelivery.failed(problem);
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
