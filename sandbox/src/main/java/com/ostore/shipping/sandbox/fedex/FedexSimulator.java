package com.ostore.shipping.sandbox.fedex;

import com.ostore.shipping.sandbox.contract.Carrier;
import com.ostore.shipping.sandbox.contract.CarrierContracts;
import com.ostore.shipping.sandbox.faults.HourlyQuota;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for FedEx's REST APIs (OAuth, Ship v1, Track v1) on 127.0.0.1 with the same paths
 * and JSON shapes. Packages move OC, PU, IT, AR, DP, OD, DL one stage per
 * {@link FedexSimulatorSettings#stageDuration()} of the injected clock; faults are scripted through
 * {@link #faults()}. Never used in production.
 */
public final class FedexSimulator implements AutoCloseable {
  /** The US domestic service types the simulator sells (FedEx API reference guide, "Service Types"). */
  public static final Set<String> SERVICE_TYPES = Set.of("FEDEX_GROUND", "GROUND_HOME_DELIVERY",
      "PRIORITY_OVERNIGHT", "STANDARD_OVERNIGHT", "FIRST_OVERNIGHT", "FEDEX_2_DAY", "FEDEX_2_DAY_AM",
      "FEDEX_EXPRESS_SAVER", "SMART_POST");

  final FedexSimulatorSettings settings;
  final FedexFaults faults = new FedexFaults();
  final HourlyQuota trackingQuota;
  final FedexSimulatorCounters counters = new FedexSimulatorCounters();
  final Map<String, SimulatedPackage> packages = new ConcurrentHashMap<>();
  final Map<String, java.time.Instant> tokens = new ConcurrentHashMap<>();
  private final AtomicLong nextTrackingNumber =
      new AtomicLong(794_600_000_000L + ThreadLocalRandom.current().nextLong(1_000_000) * 100);
  private Javalin app;
  volatile boolean closed;
  volatile boolean unknownReferenceAs404 = true;

  public FedexSimulator(FedexSimulatorSettings settings) {
    this.settings = settings;
    this.trackingQuota = new HourlyQuota(settings.clock());
  }

  public FedexSimulator(String clientId, String clientSecret, Clock clock) {
    this(FedexSimulatorSettings.of(clientId, clientSecret, clock));
  }

  public synchronized FedexSimulator start() {
    if (app == null) {
      CarrierContracts.published().warmUp(Carrier.FEDEX);
      app = Javalin.create(config -> {
        config.startup.showJavalinBanner = false;
        new FedexSimRoutes(this).register(config.routes);
      });
      app.start("127.0.0.1", 0);
    }
    return this;
  }

  /** For example {@code http://127.0.0.1:54321}; what the adapter's {@code baseUrl} should be. */
  public String baseUrl() {
    if (app == null) {
      throw new IllegalStateException("FedEx simulator is not started");
    }
    return "http://127.0.0.1:" + app.port();
  }

  /** Tracking calls allowed per clock hour (off until a limit is set): a scaled-down Track capability quota. */
  public HourlyQuota trackingQuota() {
    return trackingQuota;
  }

  public FedexFaults faults() {
    return faults;
  }

  public FedexSimulatorCounters counters() {
    return counters;
  }

  /** Makes this package report a FedEx exception (e.g. DE "Delivery exception", SE "Shipment exception") from now on. */
  public void scriptException(String trackingNumber, String code, String description) {
    find(trackingNumber).scriptException(code, description, settings.clock().instant());
  }

  public void clearException(String trackingNumber) {
    find(trackingNumber).clearException();
  }

  /**
   * How Track by reference answers a reference nothing was shipped under: HTTP 404 NOT.FOUND.ERROR
   * (true, the default) or HTTP 200 with a per-number TRACKING.REFERENCENUMBER.NOTFOUND error (false).
   * FedEx has been seen answering both ways.
   */
  public FedexSimulator unknownReferencesAnswer404(boolean value) {
    unknownReferenceAs404 = value;
    return this;
  }

  /** The contact printed on the label of that package ("person / company"). */
  public String addressee(String trackingNumber) {
    return find(trackingNumber).addressee;
  }

  public boolean isCancelled(String trackingNumber) {
    return find(trackingNumber).isCancelled();
  }

  /** Tracking numbers of labels bought under this customer reference and not cancelled. */
  public List<String> liveTrackingNumbers(String customerReference) {
    return packages.values().stream()
        .filter(pkg -> pkg.reference.equals(customerReference) && !pkg.isCancelled())
        .map(pkg -> pkg.trackingNumber).sorted().toList();
  }

  /** The latest FedEx code for a package now (OC, PU, ..., DL, CA or a scripted exception). */
  public Optional<String> latestCode(String trackingNumber) {
    SimulatedPackage pkg = packages.get(trackingNumber);
    if (pkg == null) {
      return Optional.empty();
    }
    var scans = pkg.scans(settings.clock().instant(), settings.stageDuration());
    return scans.isEmpty() ? Optional.empty() : Optional.of(scans.get(0).code());
  }

  String newTrackingNumber() {
    return Long.toString(nextTrackingNumber.getAndIncrement());
  }

  private SimulatedPackage find(String trackingNumber) {
    SimulatedPackage pkg = packages.get(trackingNumber);
    if (pkg == null) {
      throw new IllegalArgumentException("the FedEx simulator sold no label " + trackingNumber);
    }
    return pkg;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (app != null) {
      app.stop();
      app = null;
    }
  }
}
