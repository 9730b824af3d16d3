package com.ostore.shipping.bootstrap;

import com.ostore.shipping.adapter.in.http.ApiShipmentRenderer;
import com.ostore.shipping.adapter.in.http.HttpApi;
import com.ostore.shipping.adapter.in.http.HttpUseCases;
import com.ostore.shipping.adapter.in.http.RequestObserver;
import com.ostore.shipping.adapter.in.http.auth.ApiSecurity;
import com.ostore.shipping.adapter.out.alerting.PagerDutyAlerter;
import com.ostore.shipping.adapter.out.carrier.fedex.FedexCarrierGateway;
import com.ostore.shipping.adapter.out.carrier.usps.UspsCarrierGateway;
import com.ostore.shipping.adapter.out.kafka.KafkaEventPublisher;
import com.ostore.shipping.adapter.out.kafka.KafkaReachability;
import com.ostore.shipping.adapter.out.kafka.KafkaTopics;
import com.ostore.shipping.adapter.out.persistence.PersistenceModule;
import com.ostore.shipping.application.ShipmentTrackingCore;
import com.ostore.shipping.application.port.in.CheckHealthUseCase;
import com.ostore.shipping.application.service.StoragePorts;
import com.ostore.shipping.bootstrap.config.ServiceConfig;
import com.ostore.shipping.bootstrap.health.LoopMonitor;
import com.ostore.shipping.bootstrap.health.ServiceHealth;
import com.ostore.shipping.bootstrap.metrics.MetricsEndpoint;
import com.ostore.shipping.bootstrap.metrics.ServiceMetrics;
import com.ostore.shipping.domain.port.out.CarrierGateway;
import com.ostore.shipping.domain.port.out.OnCallAlert;
import com.ostore.shipping.domain.port.out.OnCallAlerter;
import com.ostore.shipping.domain.port.out.OnCallDelivery;
import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: PostgreSQL, the carriers, Kafka and the on-call webhook wired by hand into the
 * application core, served by Javalin and worked by the background scheduler. {@link #close()} stops
 * it in the reverse order (HTTP first, so no request arrives at a half-closed service).
 */
public final class ShipmentTrackingServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ShipmentTrackingServer.class);

  /** How long the start-up checks wait for the first answered request at most. */
  private static final Duration STARTUP_CHECKS_WAIT = Duration.ofSeconds(3);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final CountDownLatch firstAnswer = new CountDownLatch(1);
  private final ShipmentTrackingCore core;
  private final Javalin http;
  private final BackgroundWork background;
  private final MetricsEndpoint metricsEndpoint;

  private ShipmentTrackingServer(ServiceConfig config, Clock clock) {
    try {
      ServiceMetrics metrics = remember(new ServiceMetrics());
      // Every shipment written keeps the API's answer beside it: a GET is then one row, sent as stored.
      PersistenceModule persistence = remember(PersistenceModule.start(config.database(),
          ApiShipmentRenderer.create()));
      StoragePorts storage = new StoragePorts(persistence.shipmentRepository(), persistence.trackingEventRepository(),
          persistence.outboxRepository(), persistence.taskQueue(), persistence.alertRepository(),
          persistence.transactions(), persistence.idempotencyKeys(), persistence.trackingCallLedger());
      KafkaEventPublisher publisher = remember(new KafkaEventPublisher(config.kafka()));
      core = new ShipmentTrackingCore(storage, gateways(config, metrics), metrics.eventsPublished(publisher),
          metrics.alerts(alerter(config)), config.preferences(), config.work(), workerId(), clock);
      LoopMonitor loops = new LoopMonitor(config.operations().loopStallAfter());
      background = remember(new BackgroundWork(core, config.schedule(), loops, persistence.outboxSignal()));
      KafkaReachability kafka = remember(new KafkaReachability(config.kafka(), Duration.ofSeconds(1)));
      CheckHealthUseCase health = new ServiceHealth(core.health(), loops, kafka::reachable);
      http = HttpApi.create(config.http(), new HttpUseCases(core.createShipment(), core.cancelShipment(),
          core.getShipment(), core.listOrderShipments(), core.trackingHistory(), core.labels(), health,
          core.idempotentCreateShipment()), new ApiSecurity(config.security(), clock),
          firstAnswer(metrics.httpRequests()));
      http.start();
      remember(http::stop);
      background.start();
      checksOffThePathToReadiness(config, persistence);
      metrics.work(persistence.workStatistics(clock)::read);
      metrics.loops(loops);
      metrics.trackingBacklog(core.tracking()::backlog);
      metricsEndpoint = config.operations().metricsPort() < 0 ? null : remember(MetricsEndpoint.start(
          config.operations().metricsPort(), config.operations().metricsToken(), metrics));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Starts the service with the wall clock. */
  public static ShipmentTrackingServer start(ServiceConfig config) {
    return start(config, Clock.systemUTC());
  }

  /** Starts the service with the given clock (tests move it to travel days ahead). */
  public static ShipmentTrackingServer start(ServiceConfig config, Clock clock) {
    ShipmentTrackingServer server = new ShipmentTrackingServer(config, clock);
    LOG.info("shipment tracking service listening on port {}", server.port());
    return server;
  }

  public int port() {
    return http.port();
  }

  /** The port of {@code GET /metrics}, when the endpoint is on. */
  public OptionalInt metricsPort() {
    return metricsEndpoint == null ? OptionalInt.empty() : OptionalInt.of(metricsEndpoint.port());
  }

  /** The use cases, for tests and embedding. */
  public ShipmentTrackingCore core() {
    return core;
  }

  /**
   * Start-up work a request does not need runs beside the start, so HTTP is ready without waiting for it:
   * Flyway's check of a migration history the start found complete, and the topic check, which talks to
   * a broker that may be slow or down (new events wait in the outbox). They begin once the first request
   * was answered (or {@link #STARTUP_CHECKS_WAIT} passed); the relay starts once the topic check is done.
   */
  private void checksOffThePathToReadiness(ServiceConfig config, PersistenceModule persistence) {
    Thread checks = new Thread(() -> {
      // On a busy machine they would take the CPU the first requests need: they wait for the first answer.
      try {
        firstAnswer.await(STARTUP_CHECKS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      try {
        persistence.validateMigrations();
      } catch (RuntimeException e) {
        LOG.error("the schema's migration history failed Flyway's check (a migration changed after it was"
            + " applied?): {}", e.getMessage());
      }
      ensureTopic(config);
      background.startRelay();
    }, "start-up-checks");
    checks.setDaemon(true);
    checks.start();
  }

  /** {@code observer}, and the first finished request lets the start-up checks go. */
  private RequestObserver firstAnswer(RequestObserver observer) {
    return (method, route, status, elapsed) -> {
      firstAnswer.countDown();
      observer.finished(method, route, status, elapsed);
    };
  }

  /** A broker that is down must not stop the service: events wait in the outbox until it is back. */
  private static void ensureTopic(ServiceConfig config) {
    try {
      KafkaTopics.ensureTopic(config.kafka(), config.kafkaPartitions());
    } catch (RuntimeException e) {
      LOG.warn("could not make sure topic {} exists ({}); events wait in the outbox until Kafka answers",
          config.kafka().topic(), e.getMessage());
    }
  }

  private List<CarrierGateway> gateways(ServiceConfig config, ServiceMetrics metrics) {
    List<CarrierGateway> gateways = new ArrayList<>();
    config.fedex().ifPresent(settings -> {
      FedexCarrierGateway fedex = remember(new FedexCarrierGateway(settings));
      metrics.carrierQuota(fedex.carrier().wireName(), fedex::remainingQuota);
      gateways.add(metrics.carrierCalls(fedex));
    });
    config.usps().ifPresent(settings -> {
      UspsCarrierGateway usps = remember(new UspsCarrierGateway(settings));
      metrics.carrierQuota(usps.carrier().wireName(), usps::remainingQuota);
      gateways.add(metrics.carrierCalls(usps));
    });
    return gateways;
  }

  private static OnCallAlerter alerter(ServiceConfig config) {
    return config.pagerDuty().<OnCallAlerter>map(PagerDutyAlerter::new).orElse(new OnCallAlerter() {
      // Without a webhook the structured log line the application writes is the alert.
      @Override
      public OnCallDelivery trigger(OnCallAlert alert) {
        return OnCallDelivery.ACCEPTED;
      }

      @Override
      public OnCallDelivery resolve(String dedupKey) {
        return OnCallDelivery.ACCEPTED;
      }
    });
  }

  private static String workerId() {
    return ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private <T extends AutoCloseable> T remember(T resource) {
    started.push(resource);
    return resource;
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      AutoCloseable resource = started.pop();
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("error while stopping {}", resource, e);
      }
    }
  }
}
