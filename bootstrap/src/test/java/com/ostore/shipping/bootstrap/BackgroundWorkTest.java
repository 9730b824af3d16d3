package com.ostore.shipping.bootstrap;

import static com.ostore.shipping.application.testing.ShippingFixture.DEFAULT_PARCEL;
import static com.ostore.shipping.application.testing.ShippingFixture.PREFERENCES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ostore.shipping.application.ShipmentTrackingCore;
import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.service.RetryBackoff;
import com.ostore.shipping.application.service.StoragePorts;
import com.ostore.shipping.application.service.WorkSettings;
import com.ostore.shipping.application.testing.DirectTransactions;
import com.ostore.shipping.application.testing.FakeCarrierGateway;
import com.ostore.shipping.application.testing.InMemoryAlerts;
import com.ostore.shipping.application.testing.InMemoryIdempotencyKeys;
import com.ostore.shipping.application.testing.InMemoryOutbox;
import com.ostore.shipping.application.testing.InMemoryShipmentRepository;
import com.ostore.shipping.application.testing.InMemoryTaskQueue;
import com.ostore.shipping.application.testing.InMemoryTrackingCallLedger;
import com.ostore.shipping.application.testing.InMemoryTrackingEvents;
import com.ostore.shipping.application.testing.RecordingAlerter;
import com.ostore.shipping.application.testing.RecordingEventPublisher;
import com.ostore.shipping.bootstrap.config.WorkSchedule;
import com.ostore.shipping.bootstrap.health.LoopMonitor;
import com.ostore.shipping.domain.event.ShipmentEvent;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.port.out.Claim;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import com.ostore.shipping.domain.port.out.OutboxSignal;
import com.ostore.shipping.domain.port.out.StaleWork;
import com.ostore.shipping.domain.port.out.TaskKind;
import com.ostore.shipping.domain.port.out.TaskQueue;
import com.ostore.shipping.domain.testing.MutableClock;
import com.ostore.shipping.domain.testing.ShipmentTestData;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The background loops get a thread each, so no busy loop can starve another (lease renewal above all). */
class BackgroundWorkTest {
  private static final int LABEL_WORKERS = 2;

  private final HeldLoops held = new HeldLoops();
  private final AtomicInteger renewals = new AtomicInteger();
  private final FakeCarrierGateway fedex = FakeCarrierGateway.fedex();
  private final MutableClock clock = new MutableClock(ShipmentTestData.T0);
  private BackgroundWork background;

  @AfterEach
  void stop() {
    held.releaseAll();
    if (background != null) {
      background.close();
    }
  }

  @Test
  void givenEveryOtherLoopBusyAtOnce_whenLeasesAreDue_thenTheRenewalStillRuns() {
    InMemoryTaskQueue queue = new InMemoryTaskQueue(clock);
    StoragePorts storage = new StoragePorts(new InMemoryShipmentRepository(queue), new InMemoryTrackingEvents(),
        new HoldingOutbox(new InMemoryOutbox()), new HoldingTaskQueue(queue),
        new InMemoryAlerts(clock), new DirectTransactions(), new InMemoryIdempotencyKeys(),
        new InMemoryTrackingCallLedger());
    ShipmentTrackingCore core = new ShipmentTrackingCore(storage, List.of(fedex), new RecordingEventPublisher(),
        new RecordingAlerter(), PREFERENCES, new WorkSettings(1, Duration.ofMinutes(5), RetryBackoff.standard(),
            Duration.ofDays(1), Duration.ofHours(4), Duration.ofDays(60), Duration.ofDays(1), 200, Duration.ofDays(7),
            Duration.ofDays(1)),
        "worker-1", clock);
    for (long order = 1; order <= LABEL_WORKERS; order++) {
      ShipmentId id = core.createShipment().createShipment(new CreateShipmentCommand(OrderId.of(order),
          ShippingAddress.parse(ShipmentTestData.US_ADDRESS), CarrierCode.FEDEX, null, List.of(DEFAULT_PARCEL))).id();
      fedex.duringPurchaseOf("ostore-shipment-" + id, () -> held.hold("label work " + id));
    }
    background = new BackgroundWork(core, new WorkSchedule(LABEL_WORKERS, Duration.ofMillis(10),
        Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(5)),
        new LoopMonitor(Duration.ofMinutes(10)), neverSignalled());

    background.start();
    background.startRelay();
    await().atMost(Duration.ofSeconds(10)).until(() -> held.count() == LABEL_WORKERS + 4);
    int renewedSoFar = renewals.get();

    await().atMost(Duration.ofSeconds(5)).until(() -> renewals.get() > renewedSoFar);
  }

  /** No events are appended here: the relay runs on its interval alone. */
  private static OutboxSignal neverSignalled() {
    CountDownLatch never = new CountDownLatch(1);
    return timeout -> never.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Loops stopped inside a call until the test ends. */
  private static final class HeldLoops {
    private final Set<String> entered = ConcurrentHashMap.newKeySet();
    private final CountDownLatch release = new CountDownLatch(1);

    void hold(String loop) {
      entered.add(loop);
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    int count() {
      return entered.size();
    }

    void releaseAll() {
      release.countDown();
    }
  }

  /** Holds the tracking run's claim and the stale-work check; counts lease renewals. */
  private final class HoldingTaskQueue implements TaskQueue {
    private final TaskQueue queue;

    HoldingTaskQueue(TaskQueue queue) {
      this.queue = queue;
    }

    @Override
    public boolean enqueue(TaskKind kind, long subjectId, Instant runAt, Instant now) {
      return queue.enqueue(kind, subjectId, runAt, now);
    }

    @Override
    public List<Claim> claim(Set<TaskKind> kinds, int limit, String owner, Instant dueBy, Duration lease) {
      if (kinds.contains(TaskKind.TRACK_ORDER)) {
        held.hold("tracking run");
      }
      return queue.claim(kinds, limit, owner, dueBy, lease);
    }

    @Override
    public boolean renewLease(Claim claim, Duration lease) {
      renewals.incrementAndGet();
      return queue.renewLease(claim, lease);
    }

    @Override
    public boolean isHeld(Claim claim) {
      return queue.isHeld(claim);
    }

    @Override
    public boolean handBack(Claim claim, Instant now) {
      return queue.handBack(claim, now);
    }

    @Override
    public boolean complete(Claim claim, Instant now) {
      return queue.complete(claim, now);
    }

    @Override
    public boolean completeAndReschedule(Claim claim, Instant nextRunAt, Instant now) {
      return queue.completeAndReschedule(claim, nextRunAt, now);
    }

    @Override
    public boolean retryLater(Claim claim, Instant nextRunAt, String error, String blockedBy, Instant now) {
      return queue.retryLater(claim, nextRunAt, error, blockedBy, now);
    }

    @Override
    public boolean abandon(Claim claim, String error, Instant now) {
      return queue.abandon(claim, error, now);
    }

    @Override
    public List<StaleWork> staleWork(Instant awaitingSince, int limit) {
      held.hold("stale work check");
      return queue.staleWork(awaitingSince, limit);
    }

    @Override
    public Map<TaskKind, Long> countActive() {
      return queue.countActive();
    }
  }

  /** Holds the relay and the pruning of sent events. */
  private final class HoldingOutbox extends ForwardingOutbox {

    HoldingOutbox(OutboxRepository outbox) {
      super(outbox);
    }

    @Override
    public Optional<List<ShipmentEvent>> claimNext(
        String relayId, Collection<UUID> sentBefore, Collection<UUID> atTheBroker, Instant sentAt, int limit,
        Duration lease) {
      held.hold("outbox relay");
      return outbox.claimNext(relayId, sentBefore, atTheBroker, sentAt, limit, lease);
    }

    @Override
    public int pruneSentBefore(Instant cutoff) {
      held.hold("outbox pruning");
      return outbox.pruneSentBefore(cutoff);
    }
  }
}
