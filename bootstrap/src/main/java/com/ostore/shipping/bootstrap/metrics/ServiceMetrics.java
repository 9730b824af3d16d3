package com.ostore.shipping.bootstrap.metrics;

import com.ostore.shipping.adapter.in.http.RequestObserver;
import com.ostore.shipping.adapter.out.persistence.WorkStatistics;
import com.ostore.shipping.bootstrap.health.LoopMonitor;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.port.out.CarrierGateway;
import com.ostore.shipping.domain.port.out.EventPublisher;
import com.ostore.shipping.domain.port.out.OnCallAlerter;
import com.ostore.shipping.domain.port.out.TaskKind;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Every metric the service exposes, in one Prometheus registry. Micrometer stays here, in the
 * composition root: the core is measured from outside, by decorating its ports and by gauges that read
 * the database's own figures, so neither the domain nor the application knows a metrics library.
 */
public final class ServiceMetrics implements AutoCloseable {
  static final List<String> TASK_STATES = List.of("ready", "running", "abandoned");

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  public ServiceMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    gc.bindTo(registry);
  }

  /** Requests by route template, method and status, with a latency histogram. */
  public RequestObserver httpRequests() {
    // Registering looks the meter up by a freshly built id (tags sorted, filters applied): on every request
    // that was a visible share of the service's CPU. Methods, route templates and statuses are few, so
    // the timers found once are kept.
    Map<RequestKind, Timer> timers = new ConcurrentHashMap<>();
    return (method, route, status, elapsed) -> timers.computeIfAbsent(new RequestKind(method, route, status),
        kind -> Timer.builder("http.server.requests")
            .description("HTTP requests the API answered")
            .tags("method", kind.method(), "route", kind.route(), "status", Integer.toString(kind.status()))
            .publishPercentileHistogram()
            .register(registry))
        .record(elapsed);
  }

  private record RequestKind(String method, String route, int status) {}

  public CarrierGateway carrierCalls(CarrierGateway gateway) {
    return new MeteredCarrierGateway(gateway, registry);
  }

  /** Client-side quota left per carrier API, as the adapter counts it. */
  public void carrierQuota(String carrier, Supplier<Map<String, Integer>> remaining) {
    remaining.get().keySet().forEach(api -> Gauge.builder("shipping.carrier.quota.remaining",
            remaining, r -> r.get().getOrDefault(api, 0))
        .description("Calls left in the carrier's current rate-limit window, as this client counts them")
        .strongReference(true)
        .tags("carrier", carrier, "api", api)
        .register(registry));
  }

  /** Per carrier, the due orders the last tracking run left for want of tracking budget. */
  public void trackingBacklog(Supplier<Map<CarrierCode, Integer>> backlog) {
    for (CarrierCode carrier : CarrierCode.values()) {
      Gauge.builder("shipping.tracking.backlog", backlog, b -> b.get().getOrDefault(carrier, 0))
          .description("Due orders the last tracking run left for want of the carrier's tracking budget")
          .strongReference(true)
          .tags("carrier", carrier.wireName())
          .register(registry);
    }
  }

  public EventPublisher eventsPublished(EventPublisher publisher) {
    return new MeteredEventPublisher(publisher, registry);
  }

  public OnCallAlerter alerts(OnCallAlerter alerter) {
    return new MeteredAlerter(alerter, registry);
  }

  /** Task counts and ages by kind, the outbox backlog, from one database reading per scrape at most. */
  public void work(Supplier<WorkStatistics.Snapshot> statistics) {
    CachedReading reading = new CachedReading(statistics);
    for (TaskKind kind : TaskKind.values()) {
      String name = kind.wireName();
      for (String state : TASK_STATES) {
        gauge("shipping.tasks", "Tasks of this kind in this state", reading,
            s -> s.tasksByKindAndState().getOrDefault(name, Map.of()).getOrDefault(state, 0L), "kind", name,
            "state", state);
      }
      gauge("shipping.tasks.oldest.due.age.seconds", "How long the oldest due (or running) task of this kind has waited",
          reading, s -> s.oldestDueTaskAge().containsKey(name) ? s.oldestDueTaskAge().get(name).toMillis() / 1000.0 : 0,
          "kind", name);
    }
    gauge("shipping.outbox.unsent", "Events waiting in the outbox for the broker", reading, s -> s.unsentEvents());
    gauge("shipping.outbox.oldest.unsent.age.seconds", "Age of the oldest event still waiting in the outbox",
        reading, s -> s.oldestUnsentEventAge().map(age -> age.toMillis() / 1000.0).orElse(0.0));
  }

  /** Seconds since each background loop last ran without failing. */
  public void loops(LoopMonitor loops) {
    loops.lastSuccessAge().keySet().forEach(loop -> Gauge.builder("shipping.background.loop.last.success.age.seconds",
            loops, l -> l.lastSuccessAge().get(loop).toMillis() / 1000.0)
        .description("Seconds since this background loop last ran without failing")
        .strongReference(true)
        .tags("loop", loop)
        .register(registry));
  }

  /** The Prometheus text exposition of every metric. */
  public String scrape() {
    return registry.scrape();
  }

  private void gauge(String name, String description, CachedReading reading,
      ToDoubleFunction<WorkStatistics.Snapshot> value, String... tags) {
    // Micrometer holds a gauge's object weakly by default; these readers exist only for their gauges.
    Gauge.builder(name, reading, r -> r.value(value)).description(description).tags(tags).strongReference(true)
        .register(registry);
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
