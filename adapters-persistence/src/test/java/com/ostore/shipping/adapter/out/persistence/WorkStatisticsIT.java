package com.ostore.shipping.adapter.out.persistence;

import static com.ostore.shipping.domain.testing.ShipmentTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.domain.port.out.Claim;
import com.ostore.shipping.domain.port.out.TaskKind;
import com.ostore.shipping.domain.port.out.TaskQueue;
import com.ostore.shipping.domain.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkStatisticsIT extends DatabaseTestSupport {
  private final MutableClock clock = new MutableClock(T0);
  private final TaskQueue tasks = module.taskQueue();

  @Test
  void tasksAreCountedByKindAndStateAndTheOldestDueOneIsAgedByTheServiceClock() {
    tasks.enqueue(TaskKind.CREATE_LABELS, 1, T0.minusSeconds(300), T0);
    tasks.enqueue(TaskKind.CREATE_LABELS, 2, T0.minusSeconds(60), T0);
    tasks.enqueue(TaskKind.CREATE_LABELS, 3, T0.plusSeconds(3600), T0);
    tasks.enqueue(TaskKind.TRACK_ORDER, 4, T0.minusSeconds(10), T0);
    List<Claim> claimed = tasks.claim(Set.of(TaskKind.TRACK_ORDER), 1, "worker", T0, Duration.ofMinutes(1));
    tasks.abandon(claimed.get(0), "no carrier can ship there", T0);
    tasks.enqueue(TaskKind.TRACK_ORDER, 5, T0.minusSeconds(20), T0);
    tasks.claim(Set.of(TaskKind.TRACK_ORDER), 1, "worker", T0, Duration.ofMinutes(1));

    WorkStatistics.Snapshot snapshot = module.workStatistics(clock).read();

    assertThat(snapshot.tasksByKindAndState()).isEqualTo(Map.of(
        "create_labels", Map.of("ready", 3L),
        "track_order", Map.of("abandoned", 1L, "running", 1L)));
    assertThat(snapshot.oldestDueTaskAge()).isEqualTo(Map.of(
        "create_labels", Duration.ofSeconds(300), "track_order", Duration.ofSeconds(20)));
  }

  @Test
  void anEmptyOutboxHasNoOldestUnsentEvent() throws Exception {
    executeSql("DELETE FROM outbox");

    WorkStatistics.Snapshot snapshot = module.workStatistics(clock).read();

    assertThat(snapshot.unsentEvents()).isZero();
    assertThat(snapshot.oldestUnsentEventAge()).isEmpty();
  }

  @Test
  void unsentEventsAreCountedAndTheOldestIsAgedByTheDatabaseClock() throws Exception {
    executeSql("DELETE FROM outbox");
    executeSql("INSERT INTO outbox (event_id, message_key, event_type, payload, created_at) VALUES"
        + " (gen_random_uuid(), '1', 'x', '{}', now() - interval '90 seconds'),"
        + " (gen_random_uuid(), '1', 'x', '{}', now()),"
        + " (gen_random_uuid(), '1', 'x', '{}', now() - interval '1 day')");
    executeSql("WITH sent AS (DELETE FROM outbox_unsent WHERE seq IN (SELECT seq FROM outbox"
        + " WHERE created_at < now() - interval '1 hour') RETURNING seq)"
        + " INSERT INTO outbox_sent (seq, sent_at) SELECT seq, now() FROM sent");

    WorkStatistics.Snapshot snapshot = module.workStatistics(clock).read();

    assertThat(snapshot.unsentEvents()).isEqualTo(2);
    assertThat(snapshot.oldestUnsentEventAge()).hasValueSatisfying(age -> assertThat(age)
        .isBetween(Duration.ofSeconds(90), Duration.ofSeconds(150)));
  }
}
