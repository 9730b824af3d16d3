package com.ostore.shipping.benchmarks;

import com.ostore.shipping.application.port.in.CreateShipmentCommand;
import com.ostore.shipping.application.port.in.ParcelRequest;
import com.ostore.shipping.bootstrap.ShipmentTrackingServer;
import com.ostore.shipping.bootstrap.config.EnvironmentConfig;
import com.ostore.shipping.bootstrap.config.ServiceConfig;
import com.ostore.shipping.bootstrap.local.Sandbox;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.model.Weight;
import com.ostore.shipping.domain.port.out.TaskKind;
import com.ostore.shipping.sandbox.faults.HourlyQuota;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tracking in steady state: one-package orders created at an even pace over a simulated day, at
 * {@code load} (default 80 %) of what each carrier's tracking quota can carry in full batches, with the
 * simulators enforcing that quota per clock hour (429 beyond it). The clock then runs through the next
 * day, step by step, while every order comes due at its own time. Reports tracking calls per package
 * against the ideal (one call per 30 FedEx or 35 USPS numbers), the largest earliness and lateness of any
 * order's first tracking against its daily time, the quota used per hour and the 429s.
 *
 * <p>Run: {@code mvn -q -pl benchmarks exec:java@steady -DquotaPerHour=2} (see README).
 */
public final class SteadyStateTrackingBenchmark {
  private static final String ADDRESS = "350 Fifth Avenue, New York, NY 10118, US";
  private static final Duration DAY = Duration.ofDays(1);

  private SteadyStateTrackingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int quota = Integer.getInteger("quotaPerHour", 2);
    double load = Double.parseDouble(System.getProperty("load", "0.8"));
    Duration step = Duration.ofSeconds(Long.getLong("stepSeconds", 120));
    int trackedDays = Integer.getInteger("trackedDays", 1);
    int fedexOrders = (int) Math.round(load * quota * 24 * 30);
    int uspsOrders = (int) Math.round(load * quota * 24 * 35);
    ShiftableClock clock = new ShiftableClock();
    try (Sandbox sandbox = Sandbox.temporary(clock, Duration.ofHours(6))) {
      HourlyQuota fedexQuota = sandbox.fedex().trackingQuota().limit(quota);
      HourlyQuota uspsQuota = sandbox.usps().trackingQuota().limit(quota);
      Map<String, String> env = new HashMap<>(sandbox.environment());
      env.put("METRICS_PORT", "0");
      env.putAll(Map.of("PORT", "0", "POLL_INTERVAL", "50ms", "LABEL_WORKERS", "4",
          "USPS_RATE_LIMIT_CALLS", "1000000", "FEDEX_RATE_LIMIT_CALLS", "1000000", "TRACKING_SPREAD", "1m",
          "CLAIM_BATCH_SIZE", "50", "FEDEX_TRACKING_CALLS_PER_HOUR", String.valueOf(quota),
          "USPS_TRACKING_CALLS_PER_HOUR", String.valueOf(quota), "TRACKING_EARLY_WINDOW", "1h"));
      ServiceConfig config = EnvironmentConfig.read(env, clock);
      try (ShipmentTrackingServer server = ShipmentTrackingServer.start(config, clock);
          Connection db = DriverManager.getConnection(env.get("DATABASE_URL"), env.get("DATABASE_USER"),
              env.get("DATABASE_PASSWORD"))) {
        db.setSchema(config.database().schema());
        System.out.printf("%d FedEx and %d USPS one-package orders over a simulated day, quota %d tracking calls/h "
            + "per carrier, load %.0f %%, step %s%n", fedexOrders, uspsOrders, quota, load * 100, step);
        List<Planned> plan = plan(fedexOrders, uspsOrders, clock.instant());
        Instant start = clock.instant();
        Instant end = start.plus(DAY).plus(DAY.multipliedBy(trackedDays)).plus(Duration.ofHours(2));
        Map<Long, Instant> dueAt = new HashMap<>();
        Map<Long, Instant> trackedAt = new HashMap<>();
        Map<Long, Instant> lastRunAt = new HashMap<>();
        Map<Long, Integer> trackings = new HashMap<>();
        Drift drift = new Drift();
        int next = 0;
        long wallStart = System.nanoTime();
        while (clock.instant().isBefore(end)) {
          clock.shiftBy(step);
          Instant now = clock.instant();
          while (next < plan.size() && !plan.get(next).at().isAfter(now)) {
            Planned order = plan.get(next++);
            server.core().createShipment().createShipment(new CreateShipmentCommand(order.order(),
                ShippingAddress.parse(ADDRESS), order.carrier(), null,
                List.of(new ParcelRequest(Weight.pounds("2"), null))));
          }
          waitUntil(Duration.ofSeconds(30), () -> count(db, "SELECT count(*) FROM tasks WHERE kind <> '"
              + TaskKind.TRACK_ORDER.wireName() + "' AND state IN ('ready', 'running')") == 0);
          waitUntil(Duration.ofSeconds(3), () -> dueCount(db, clock.instant()) == 0);
          observe(db, dueAt, trackedAt, lastRunAt, trackings, drift);
        }
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        report(quota, fedexOrders, uspsOrders, fedexQuota, uspsQuota, dueAt, trackedAt, trackings, plan, wallSeconds);
        System.out.printf("every tracking vs its daily time (the first run_at plus whole days): earliest %d min early, "
            + "latest %d min late over %d trackings; the next run as scheduled after a tracking, furthest from the "
            + "daily time: %d s (%d reschedules; %d simulated tracking day(s))%n", -drift.earliest / 60,
            drift.latest / 60, drift.trackings, drift.furthest, drift.reschedules, trackedDays);
      }
    }
    System.exit(0);
  }

  private record Planned(OrderId order, CarrierCode carrier, Instant at) {}

  /**
   * Whether orders keep their daily time run after run: each tracking against the daily time it served,
   * and each new run_at against the daily time it should be (first run_at + whole days).
   */
  private static final class Drift {
    long earliest;
    long latest;
    long furthest;
    long reschedules;
    long trackings;

    /** One tracking of the order, serving the run due at {@code served}; {@code nextRunAt} null when it ended. */
    void tracked(Instant due, Instant served, Instant at, Instant nextRunAt) {
      long offset = Duration.between(served, at).toSeconds();
      earliest = Math.min(earliest, offset);
      latest = Math.max(latest, offset);
      trackings++;
      if (nextRunAt == null) {
        return;
      }
      long days = Math.round((double) Duration.between(due, nextRunAt).toSeconds() / DAY.toSeconds());
      furthest = Math.max(furthest, Math.abs(Duration.between(due.plus(DAY.multipliedBy(days)), nextRunAt).toSeconds()));
      reschedules++;
    }
  }

  /** Both carriers' orders interleaved, each carrier's at an even pace over the day. */
  private static List<Planned> plan(int fedex, int usps, Instant from) {
    List<Planned> all = new ArrayList<>();
    for (int i = 0; i < fedex; i++) {
      all.add(new Planned(OrderId.of(200_000 + i), CarrierCode.FEDEX, from.plus(DAY.multipliedBy(i).dividedBy(fedex))));
    }
    for (int i = 0; i < usps; i++) {
      all.add(new Planned(OrderId.of(400_000 + i), CarrierCode.USPS, from.plus(DAY.multipliedBy(i).dividedBy(usps))));
    }
    all.sort((a, b) -> a.at().compareTo(b.at()));
    return all;
  }

  /**
   * An order's daily time is its tracking task's first run_at; it was tracked when its task was
   * rescheduled (updated_at of that change, on the service's clock).
   */
  private static void observe(Connection db, Map<Long, Instant> dueAt, Map<Long, Instant> trackedAt,
      Map<Long, Instant> lastRunAt, Map<Long, Integer> trackings, Drift drift) {
    try (ResultSet rs = db.createStatement().executeQuery("SELECT subject_id, run_at, updated_at, state FROM tasks "
        + "WHERE kind = '" + TaskKind.TRACK_ORDER.wireName() + "'")) {
      while (rs.next()) {
        long order = rs.getLong(1);
        Instant runAt = rs.getTimestamp(2).toInstant();
        Instant due = dueAt.putIfAbsent(order, runAt);
        Instant last = lastRunAt.put(order, runAt);
        boolean done = "done".equals(rs.getString(4));
        if (done) {
          // Settled: no more runs. Marked with a time no reschedule uses, so it is counted once.
          lastRunAt.put(order, Instant.EPOCH);
        }
        if (last != null && !last.equals(Instant.EPOCH) && (done || !last.equals(runAt))) {
          // Each reschedule is one tracking of the order's package (one package per order here).
          trackings.merge(order, 1, Integer::sum);
          if (due != null) {
            drift.tracked(due, last, rs.getTimestamp(3).toInstant(), done ? null : runAt);
          }
        }
        if (due != null && !trackedAt.containsKey(order)
            && (runAt.isAfter(due.plus(Duration.ofHours(12))) || "done".equals(rs.getString(4)))) {
          trackedAt.put(order, rs.getTimestamp(3).toInstant());
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long dueCount(Connection db, Instant now) {
    try (PreparedStatement ps = db.prepareStatement("SELECT count(*) FROM tasks WHERE kind = ? "
        + "AND state IN ('ready', 'running') AND run_at <= ?")) {
      ps.setString(1, TaskKind.TRACK_ORDER.wireName());
      ps.setTimestamp(2, Timestamp.from(now));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(Connection db, String sql) {
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void waitUntil(Duration timeout, java.util.function.BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  private static void report(int quota, int fedexOrders, int uspsOrders, HourlyQuota fedexQuota,
      HourlyQuota uspsQuota, Map<Long, Instant> dueAt, Map<Long, Instant> trackedAt, Map<Long, Integer> trackings,
      List<Planned> plan, double wallSeconds) {
    System.out.println();
    System.out.printf("Steady-state tracking: quota %d calls/h per carrier, %.0f s of wall time%n", quota, wallSeconds);
    System.out.println("| carrier | packages | tracked once or more | package trackings | tracking calls "
        + "| calls per package tracking | ideal | ratio to ideal | 429s |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    row("FedEx", CarrierCode.FEDEX, 30, fedexOrders, fedexQuota, trackedAt, trackings, plan);
    row("USPS", CarrierCode.USPS, 35, uspsOrders, uspsQuota, trackedAt, trackings, plan);
    long earliest = 0;
    long latest = 0;
    for (Map.Entry<Long, Instant> tracked : trackedAt.entrySet()) {
      long offset = Duration.between(dueAt.get(tracked.getKey()), tracked.getValue()).toSeconds();
      earliest = Math.min(earliest, offset);
      latest = Math.max(latest, offset);
    }
    System.out.printf("first tracking vs daily time: earliest %d min early, latest %d min late (goal: within 60)%n",
        -earliest / 60, latest / 60);
    System.out.println("tracking calls served per clock hour (FedEx | USPS):");
    Map<Instant, Integer> fedex = fedexQuota.servedPerHour();
    Map<Instant, Integer> usps = uspsQuota.servedPerHour();
    java.util.TreeSet<Instant> hours = new java.util.TreeSet<>(fedex.keySet());
    hours.addAll(usps.keySet());
    StringBuilder line = new StringBuilder();
    for (Instant hour : hours) {
      line.append(String.format("%s %d|%d  ", hour.toString().substring(5, 13), fedex.getOrDefault(hour, 0),
          usps.getOrDefault(hour, 0)));
    }
    System.out.println(line);
    System.out.printf("max per hour: FedEx %d, USPS %d (quota %d)%n",
        fedex.values().stream().mapToInt(Integer::intValue).max().orElse(0),
        usps.values().stream().mapToInt(Integer::intValue).max().orElse(0), quota);
  }

  private static void row(String name, CarrierCode carrier, int batch, int packages, HourlyQuota quota,
      Map<Long, Instant> trackedAt, Map<Long, Integer> trackings, List<Planned> plan) {
    long tracked = plan.stream().filter(p -> p.carrier() == carrier && trackedAt.containsKey(p.order().value())).count();
    long runs = plan.stream().filter(p -> p.carrier() == carrier)
        .mapToLong(p -> trackings.getOrDefault(p.order().value(), 0)).sum();
    long calls = quota.servedPerHour().values().stream().mapToInt(Integer::intValue).sum();
    double perPackage = runs == 0 ? 0 : (double) calls / runs;
    System.out.printf("| %s | %d | %d | %d | %d | %.4f | %.4f | %.2f | %d |%n", name, packages, tracked, runs, calls,
        perPackage, 1.0 / batch, perPackage * batch, quota.refusedTotal());
  }
}
