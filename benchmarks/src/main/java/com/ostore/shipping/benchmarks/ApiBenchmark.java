package com.ostore.shipping.benchmarks;

import com.ostore.shipping.bootstrap.local.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The API as users run it, against the least a service can do: the production jar (a child JVM with the
 * README's JVM flags, API key authentication on) and {@link BareApiBaseline} (a child JVM with the same
 * flags) on the same PostgreSQL, driven in turns by the same closed-loop load. Prints req/s and p50/p99
 * of {@code POST /shipments} and {@code GET /shipments/{id}} side by side with their ratios, the
 * service's resident memory under that load, and its start-to-ready time (process start until the first
 * {@code 201} to a create) on a new schema, on a migrated one, and with the Kafka broker down.
 *
 * <p>Run: {@code mvn -q -pl benchmarks exec:java@api} (see README).
 */
public final class ApiBenchmark {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String ADDRESS = "350 Fifth Avenue, New York, NY 10118, US";

  private final Sandbox sandbox;
  private final List<String> jvmFlags;
  private final Path productionJar;
  private final Path logs;
  private final AtomicLong orders = new AtomicLong(1_000_000);

  private ApiBenchmark(Sandbox sandbox, List<String> jvmFlags, Path productionJar, Path logs) {
    this.sandbox = sandbox;
    this.jvmFlags = jvmFlags;
    this.productionJar = productionJar;
    this.logs = logs;
  }

  public static void main(String[] args) throws Exception {
    int concurrency = Integer.getInteger("concurrency", 16);
    Duration warmUp = Duration.ofSeconds(Long.getLong("warmupSeconds", 30));
    Duration measure = Duration.ofSeconds(Long.getLong("measureSeconds", 15));
    int rounds = Integer.getInteger("rounds", 2);
    List<String> flags = ChildJvm.flags(System.getProperty("jvmFlags", JvmFlags.RECOMMENDED));
    Path jar = Path.of(System.getProperty("productionJar", "../bootstrap/target/bootstrap-0.1.0-SNAPSHOT-all.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no production jar at " + jar.toAbsolutePath() + "; run mvn -DskipTests install");
    }
    String loadBefore = loadAverage();
    try (Sandbox sandbox = Sandbox.temporary(Clock.systemUTC(), Duration.ofHours(6))) {
      ApiBenchmark benchmark = new ApiBenchmark(sandbox, flags, jar, Path.of(System.getProperty("logDirectory", "target/api-benchmark")));
      benchmark.run(concurrency, warmUp, measure, rounds, loadBefore);
    }
    System.exit(0);
  }

  private void run(int concurrency, Duration warmUp, Duration measure, int rounds, String loadBefore)
      throws Exception {
    Starts starts = new Starts();
    // The first start migrates a new schema and, as the README suggests for a release, records the classes
    // it loaded into a CDS archive (written when the JVM exits); the later starts map that archive.
    try (ChildJvm first = startService("service-first-start", List.of("-XX:ArchiveClassesAtExit=" + archive()))) {
      starts.newSchema = untilFirstCreate(first);
    }
    try (ChildJvm plain = startService("service-without-archive", List.of())) {
      starts.withoutArchive = untilFirstCreate(plain);
    }
    // Each start is timed with its dependencies up and nothing else starting beside it: the bare baseline's
    // JVM and a broker that was just restarted take the same two cores while they start.
    try (ChildJvm archived = startService("service-with-archive", withArchive())) {
      starts.withArchive = untilFirstCreate(archived);
    }
    sandbox.kafka().stop();
    try (ChildJvm withoutKafka = startService("service-kafka-down", withArchive())) {
      starts.brokerDown = untilFirstCreate(withoutKafka);
    } finally {
      sandbox.kafka().start();
    }
    try (ChildJvm service = startService("service", withArchive())) {
      untilFirstCreate(service);
      measureUnderLoad(service, concurrency, warmUp, measure, rounds, starts, loadBefore);
    }
  }

  private void measureUnderLoad(ChildJvm service, int concurrency, Duration warmUp, Duration measure, int rounds,
      Starts starts, String loadBefore) throws Exception {
    try (ChildJvm baseline = startBaseline();
        LoadDriver driver = new LoadDriver(concurrency)) {
      untilAnswers(driver.client(), baselineUrl(baseline) + "/shipments", baseline);
      CpuMeter database = CpuMeter.postgresOnPort(databasePort());
      CpuMeter driverCpu = CpuMeter.process(ProcessHandle.current().pid());
      CpuMeter machine = CpuMeter.machine();
      Target serviceTarget = new Target("service", serviceUrl(service), sandbox.apiKey(),
          CpuMeter.process(service.pid()), database, driverCpu, machine);
      Target baselineTarget = new Target("baseline", baselineUrl(baseline), null, CpuMeter.process(baseline.pid()),
          database, driverCpu, machine);
      RssSampler rss = RssSampler.start(service);

      // Users meet a service that has run for hours: its hot paths compiled. Ten seconds were not enough on two
      // cores (the first round's POST spent twice the JVM CPU per create of the second), so every request kind
      // the rounds measure is warmed up, the keyed create included.
      for (Target target : List.of(serviceTarget, baselineTarget)) {
        driver.run(target.name + " warm-up POST", target::create, 201, warmUp, Duration.ofSeconds(1), target::remember);
        driver.run(target.name + " warm-up GET", target::read, 200, warmUp, Duration.ofSeconds(1), null);
      }
      driver.run("service warm-up POST with Idempotency-Key", serviceTarget::createWithKey, 201, warmUp,
          Duration.ofSeconds(1), serviceTarget::remember);
      List<LoadDriver.Result[]> results = new ArrayList<>();
      Duration settle = Duration.ofSeconds(2);
      for (int round = 1; round <= rounds; round++) {
        LoadDriver.Result[] r = new LoadDriver.Result[5];
        r[0] = driver.run("service POST", serviceTarget::create, 201, settle, measure, serviceTarget::remember,
            serviceTarget.meters);
        r[1] = driver.run("baseline POST", baselineTarget::create, 201, settle, measure, baselineTarget::remember,
            baselineTarget.meters);
        r[2] = driver.run("service GET", serviceTarget::read, 200, settle, measure, null, serviceTarget.meters);
        r[3] = driver.run("baseline GET", baselineTarget::read, 200, settle, measure, null, baselineTarget.meters);
        // Idempotency-Key is optional; a client that retries creates sends one, and the claim is part of the write.
        r[4] = driver.run("service POST with Idempotency-Key", serviceTarget::createWithKey, 201, settle, measure,
            serviceTarget::remember, serviceTarget.meters);
        for (LoadDriver.Result one : r) {
          System.out.println("round " + round + " " + one);
        }
        results.add(r);
      }
      rss.stop();
      report(concurrency, measure, rounds, results, rss, service, starts, loadBefore);
    }
  }

  /** Start-to-ready of the four timed starts. */
  private static final class Starts {
    Duration newSchema;
    Duration withoutArchive;
    Duration brokerDown;
    Duration withArchive;
  }

  private Path archive() {
    return logs.toAbsolutePath().resolve("service-classes.jsa");
  }

  /** Maps the CDS archive the first start wrote, if it did (a JVM that cannot write one says so and goes on). */
  private List<String> withArchive() {
    return Files.isRegularFile(archive()) ? List.of("-XX:SharedArchiveFile=" + archive()) : List.of();
  }

  private ChildJvm startService(String name, List<String> extraFlags) {
    Map<String, String> env = new HashMap<>(sandbox.environment());
    env.put("PORT", Integer.toString(ChildJvm.freePort()));
    // Any free port: another service on this machine (a second benchmark) may hold the default 9464.
    env.put("METRICS_PORT", "0");
    // One key drives all the load: its create limit is raised out of the way (the default is 120 a minute).
    env.put("CREATE_RATE_LIMIT_CALLS", "1000000");
    env.put("CREATE_RATE_LIMIT_PERIOD", "1s");
    env.put("LOG_LEVEL", System.getProperty("serviceLogLevel", "INFO"));
    // The service's default (errors only) unless asked: -DserviceAccessLog=all measures a line per request.
    String accessLog = System.getProperty("serviceAccessLog");
    if (accessLog != null) {
      env.put("ACCESS_LOG", accessLog);
    }
    env.putAll(JvmFlags.ENVIRONMENT);
    // The label workers and the tracking run look for work hourly here, so buying the labels of the
    // shipments the load creates (HTTP to the carrier simulators in this JVM, the label transaction, the
    // relay to Kafka) does not share these two cores with the requests being measured.
    env.put("POLL_INTERVAL", System.getProperty("servicePollInterval", "1h"));
    List<String> flags = new ArrayList<>(jvmFlags);
    flags.addAll(extraFlags);
    flags.addAll(ChildJvm.flags(System.getProperty("serviceJvmExtra", "").replace("{name}", name)));
    return ChildJvm.start(flags, List.of("-jar", productionJar.toAbsolutePath().toString()), env,
        logs.resolve(name + ".log")).withPort(Integer.parseInt(env.get("PORT")));
  }

  private ChildJvm startBaseline() {
    Map<String, String> env = new HashMap<>(sandbox.environment());
    env.putAll(JvmFlags.ENVIRONMENT);
    env.put("PORT", Integer.toString(ChildJvm.freePort()));
    return ChildJvm.start(jvmFlags, List.of("-cp", ChildJvm.classPath(), BareApiBaseline.class.getName()), env,
        logs.resolve("baseline.log")).withPort(Integer.parseInt(env.get("PORT")));
  }

  private int databasePort() {
    String url = sandbox.environment().get("DATABASE_URL");
    String hostAndPort = url.substring("jdbc:postgresql://".length(), url.indexOf('/', "jdbc:postgresql://".length()));
    return Integer.parseInt(hostAndPort.substring(hostAndPort.indexOf(':') + 1));
  }

  private static String serviceUrl(ChildJvm service) {
    return "http://127.0.0.1:" + service.port();
  }

  private static String baselineUrl(ChildJvm baseline) {
    return "http://127.0.0.1:" + baseline.port();
  }

  /** From process start until the first create is answered 201: polls every 10 ms, as a load balancer might. */
  private Duration untilFirstCreate(ChildJvm service) throws InterruptedException {
    OkHttpClient client = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    Target target = new Target("service", serviceUrl(service), sandbox.apiKey());
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (!service.isAlive()) {
        throw new IllegalStateException("the service exited; see " + service.log());
      }
      try (Response response = client.newCall(target.create()).execute()) {
        if (response.code() == 201) {
          return Duration.ofNanos(System.nanoTime() - service.startedNanos());
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("the service never answered a create; see " + service.log());
  }

  private static void untilAnswers(OkHttpClient client, String url, ChildJvm child) throws InterruptedException {
    Request probe = new Request.Builder().url(url).post(RequestBody.create(
        "{\"orderID\": 1, \"shippingAddress\": \"" + ADDRESS + "\"}", JSON)).build();
    for (int i = 0; i < 6000; i++) {
      if (!child.isAlive()) {
        throw new IllegalStateException("the baseline exited; see " + child.log());
      }
      try (Response response = client.newCall(probe).execute()) {
        if (response.code() == 201) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("the baseline never answered; see " + child.log());
  }

  /** One server under load and the ids its creates returned (its reads pick among them). */
  private final class Target {
    private final String name;
    private final String url;
    private final String apiKey;
    private final List<Long> ids = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Its own JVM, PostgreSQL, the load driver. */
    private final CpuMeter[] meters;

    Target(String name, String url, String apiKey, CpuMeter... meters) {
      this.name = name;
      this.url = url;
      this.apiKey = apiKey;
      this.meters = meters;
    }

    Request create() {
      return authorized(newShipment());
    }

    /** A create with a new Idempotency-Key each time, as a client that may retry it sends. */
    Request createWithKey() {
      return authorized(newShipment().header("Idempotency-Key", "bench-" + UUID.randomUUID()));
    }

    private Request.Builder newShipment() {
      String body = "{\"orderID\": " + orders.incrementAndGet() + ", \"shippingAddress\": \"" + ADDRESS
          + "\", \"shipmentStatus\": \"pending\"}";
      return new Request.Builder().url(url + "/shipments").post(RequestBody.create(body, JSON));
    }

    Request read() {
      long id;
      synchronized (ids) {
        id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
      }
      return authorized(new Request.Builder().url(url + "/shipments/" + id).get());
    }

    void remember(Response created) {
      String location = created.header("Location");
      ids.add(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
    }

    private Request authorized(Request.Builder request) {
      return (apiKey == null ? request : request.header("Authorization", "Bearer " + apiKey)).build();
    }
  }

  /** Samples the service's resident memory while the load runs. */
  private static final class RssSampler {
    private final Thread thread;
    private volatile boolean running = true;
    private volatile double maxRss;

    private RssSampler(ChildJvm service) {
      thread = new Thread(() -> {
        while (running) {
          maxRss = Math.max(maxRss, service.rssMib());
          try {
            Thread.sleep(250);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "rss-sampler");
      thread.setDaemon(true);
    }

    static RssSampler start(ChildJvm service) {
      RssSampler sampler = new RssSampler(service);
      sampler.thread.start();
      return sampler;
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }
  }

  private void report(int concurrency, Duration measure, int rounds, List<LoadDriver.Result[]> results,
      RssSampler rss, ChildJvm service, Starts starts, String loadBefore) {
    System.out.println();
    System.out.printf("API benchmark: %d connections, %d rounds of %d s per measure, cores %d, JVM flags: %s%n",
        concurrency, rounds, measure.toSeconds(), Runtime.getRuntime().availableProcessors(), String.join(" ",
            jvmFlags));
    System.out.printf("load average before: %s; after: %s%n", loadBefore, loadAverage());
    System.out.println("| measure | service | bare baseline | ratio |");
    System.out.println("|---|---|---|---|");
    row("POST /shipments req/s", results, 0, 1, LoadDriver.Result::perSecond, "%.0f");
    row("POST p50 (ms)", results, 0, 1, LoadDriver.Result::p50, "%.2f");
    row("POST p99 (ms)", results, 0, 1, LoadDriver.Result::p99, "%.2f");
    row("POST with Idempotency-Key req/s", results, 4, 1, LoadDriver.Result::perSecond, "%.0f");
    row("POST with Idempotency-Key p50 (ms)", results, 4, 1, LoadDriver.Result::p50, "%.2f");
    row("POST with Idempotency-Key p99 (ms)", results, 4, 1, LoadDriver.Result::p99, "%.2f");
    row("GET /shipments/{id} req/s", results, 2, 3, LoadDriver.Result::perSecond, "%.0f");
    row("GET p50 (ms)", results, 2, 3, LoadDriver.Result::p50, "%.2f");
    row("GET p99 (ms)", results, 2, 3, LoadDriver.Result::p99, "%.2f");
    row("POST CPU ms per request: server JVM", results, 0, 1, r -> r.cpuPerRequest(0), "%.3f");
    row("POST CPU ms per request: PostgreSQL", results, 0, 1, r -> r.cpuPerRequest(1), "%.3f");
    row("POST CPU ms per request: load driver", results, 0, 1, r -> r.cpuPerRequest(2), "%.3f");
    row("GET CPU ms per request: server JVM", results, 2, 3, r -> r.cpuPerRequest(0), "%.3f");
    row("GET CPU ms per request: PostgreSQL", results, 2, 3, r -> r.cpuPerRequest(1), "%.3f");
    row("GET CPU ms per request: load driver", results, 2, 3, r -> r.cpuPerRequest(2), "%.3f");
    row("POST CPU ms per request: whole machine", results, 0, 1, r -> r.cpuPerRequest(3), "%.3f");
    row("GET CPU ms per request: whole machine", results, 2, 3, r -> r.cpuPerRequest(3), "%.3f");
    row("POST machine busy (% of all cores)", results, 0, 1, ApiBenchmark::busyPercent, "%.0f");
    row("GET machine busy (% of all cores)", results, 2, 3, ApiBenchmark::busyPercent, "%.0f");
    System.out.printf("| service RSS under load, max sampled / peak VmHWM (MiB) | %.0f / %.0f | | |%n", rss.maxRss,
        service.peakRssMib());
    System.out.printf("| service creates per transaction (coalesced batch size), whole run | %s | | |%n",
        createsPerTransaction());
    System.out.printf("| start to first 201 (s): migrated schema, with the CDS archive | %.2f | | |%n",
        seconds(starts.withArchive));
    System.out.printf("| start to first 201 (s): migrated schema, no CDS archive | %.2f | | |%n",
        seconds(starts.withoutArchive));
    System.out.printf("| start to first 201 (s): Kafka down, with the CDS archive | %.2f | | |%n",
        seconds(starts.brokerDown));
    System.out.printf("| start to first 201 (s): new schema (migrations run), no archive | %.2f | | |%n",
        seconds(starts.newSchema));
    for (int round = 0; round < results.size(); round++) {
      LoadDriver.Result[] r = results.get(round);
      System.out.printf("round %d ratios: POST %.2f, GET %.2f, POST with Idempotency-Key %.2f%n", round + 1,
          r[0].perSecond() / r[1].perSecond(), r[2].perSecond() / r[3].perSecond(), r[4].perSecond() / r[1].perSecond());
    }
  }

  /** How much of the machine's cores the measure kept busy: below 100 %, requests waited on something other than CPU. */
  private static double busyPercent(LoadDriver.Result result) {
    return 100 * result.cpuMillis()[3] / (result.seconds() * 1000 * Runtime.getRuntime().availableProcessors());
  }

  /**
   * A coalesced batch of creates is one transaction, so the shipments' {@code xmin} counts the batches (the
   * starts' single creates and the warm-ups included).
   */
  private String createsPerTransaction() {
    Map<String, String> env = sandbox.environment();
    try (Connection db = DriverManager.getConnection(env.get("DATABASE_URL"), env.get("DATABASE_USER"),
        env.get("DATABASE_PASSWORD"));
        Statement statement = db.createStatement();
        ResultSet row = statement.executeQuery("SELECT count(*), count(DISTINCT xmin::text) FROM "
            + env.getOrDefault("DATABASE_SCHEMA", "shipment_tracking") + ".shipments")) {
      row.next();
      return String.format("%.2f (%d creates in %d transactions)", (double) row.getLong(1) / row.getLong(2),
          row.getLong(1), row.getLong(2));
    } catch (SQLException e) {
      return "not counted: " + e.getMessage();
    }
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  /** The mean over the rounds of one figure, for the service and the baseline, and their ratio. */
  private static void row(String name, List<LoadDriver.Result[]> results, int service, int baseline,
      java.util.function.ToDoubleFunction<LoadDriver.Result> figure, String format) {
    double s = results.stream().mapToDouble(r -> figure.applyAsDouble(r[service])).average().orElse(Double.NaN);
    double b = results.stream().mapToDouble(r -> figure.applyAsDouble(r[baseline])).average().orElse(Double.NaN);
    System.out.printf("| %s | " + format + " | " + format + " | %.2f |%n", name, s, b, s / b);
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
