package com.ostore.shipping.adapter.out.alerting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ostore.shipping.domain.port.out.OnCallAlert;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Maps alerts to PagerDuty Events API v2 bodies (trigger and resolve). */
final class PagerDutyEvents {
  /** PagerDuty truncates longer summaries itself; cutting here keeps the request valid and small. */
  private static final int MAX_SUMMARY = 1024;
  private static final int MAX_DEDUP_KEY = 255;

  private final ObjectMapper mapper;
  private final PagerDutyConfig config;

  PagerDutyEvents(ObjectMapper mapper, PagerDutyConfig config) {
    this.mapper = mapper;
    this.config = config;
  }

  ObjectNode trigger(OnCallAlert alert) {
    Map<String, String> details = new HashMap<>(alert.details());
    ObjectNode event = envelope("trigger", alert.dedupKey());
    ObjectNode payload = event.putObject("payload");
    payload.put("summary", cut(alert.summary(), MAX_SUMMARY));
    payload.put("source", config.source());
    payload.put("severity", alert.severity().name().toLowerCase(Locale.ROOT));
    payload.put("timestamp", alert.since().toString());
    // Alerts may name these themselves; otherwise they describe this service's stale-work alarm.
    payload.put("component", details.getOrDefault("component", "shipment-tracking-service"));
    payload.put("group", details.getOrDefault("group", "ostore-shipping"));
    payload.put("class", details.getOrDefault("class", "stale-work"));
    payload.set("custom_details", mapper.valueToTree(alert.details()));
    return event;
  }

  ObjectNode resolve(String dedupKey) {
    return envelope("resolve", dedupKey);
  }

  private ObjectNode envelope(String action, String dedupKey) {
    ObjectNode event = mapper.createObjectNode();
    event.put("routing_key", config.routingKey().reveal());
    event.put("event_action", action);
    event.put("dedup_key", cut(dedupKey, MAX_DEDUP_KEY));
    return event;
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
