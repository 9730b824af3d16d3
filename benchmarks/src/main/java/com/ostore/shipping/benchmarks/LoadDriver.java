package com.ostore.shipping.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A closed-loop load driver: a fixed number of threads, each sending one request after another over
 * kept-alive connections, first for a warm-up that is not counted, then for the measured phase. Every
 * request's latency is kept, so the percentiles are exact.
 */
final class LoadDriver implements AutoCloseable {
  /** One request to send; {@code expected} is the status that counts as success. */
  interface RequestFactory {
    Request next();
  }

  /** What a phase measured: completed requests per second and latency percentiles in milliseconds. */
  record Result(String name, long requests, long failures, double seconds, double p50, double p99,
      double[] cpuMillis) {
    double perSecond() {
      return requests / seconds;
    }

    /** CPU milliseconds per request of the process the i-th meter watched, during the measured phase. */
    double cpuPerRequest(int meter) {
      return cpuMillis[meter] / Math.max(1, requests);
    }

    @Override
    public String toString() {
      StringBuilder cpu = new StringBuilder();
      for (int i = 0; i < cpuMillis.length; i++) {
        cpu.append(i == 0 ? ", CPU ms/req " : " / ").append("%.3f".formatted(cpuPerRequest(i)));
      }
      return "%s: %.0f req/s (%d in %.1f s, %d failed), p50 %.2f ms, p99 %.2f ms%s".formatted(name, perSecond(),
          requests, seconds, failures, p50, p99, cpu);
    }
  }

  private final OkHttpClient client;
  private final int concurrency;

  LoadDriver(int concurrency) {
    this.concurrency = concurrency;
    this.client = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(concurrency * 2, 5, TimeUnit.MINUTES))
        .retryOnConnectionFailure(false)
        .callTimeout(Duration.ofSeconds(30))
        .build();
  }

  OkHttpClient client() {
    return client;
  }

  /** Sends for {@code warmUp} (not counted), then measures for {@code measure}. */
  Result run(String name, RequestFactory requests, int expectedStatus, Duration warmUp, Duration measure,
      ResponseListener listener, CpuMeter... meters) throws InterruptedException {
    ResponseListener onSuccess = listener == null ? ResponseListener.NONE : listener;
    AtomicBoolean measuring = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    AtomicLong failures = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    List<int[]> counts = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      long[] mine = new long[4_000_000 / concurrency];
      int[] count = new int[1];
      latencies.add(mine);
      counts.add(count);
      Thread thread = new Thread(() -> {
        while (!stop.get()) {
          long start = System.nanoTime();
          boolean ok = send(requests.next(), expectedStatus, onSuccess);
          long took = System.nanoTime() - start;
          if (measuring.get()) {
            if (!ok) {
              failures.incrementAndGet();
            } else if (count[0] < mine.length) {
              mine[count[0]++] = took;
            }
          }
        }
      }, "load-" + name + "-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    Thread.sleep(warmUp.toMillis());
    double[] cpu = new double[meters.length];
    for (int i = 0; i < meters.length; i++) {
      cpu[i] = -meters[i].millis();
    }
    long measuredFrom = System.nanoTime();
    measuring.set(true);
    Thread.sleep(measure.toMillis());
    measuring.set(false);
    double seconds = (System.nanoTime() - measuredFrom) / 1e9;
    for (int i = 0; i < meters.length; i++) {
      cpu[i] += meters[i].millis();
    }
    stop.set(true);
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(60));
    }
    int total = counts.stream().mapToInt(c -> c[0]).sum();
    long[] all = new long[total];
    int at = 0;
    for (int i = 0; i < latencies.size(); i++) {
      System.arraycopy(latencies.get(i), 0, all, at, counts.get(i)[0]);
      at += counts.get(i)[0];
    }
    java.util.Arrays.sort(all);
    return new Result(name, total, failures.get(), seconds, percentile(all, 0.50), percentile(all, 0.99), cpu);
  }

  /** Told about every successful answer (to collect ids the later phases read). */
  interface ResponseListener {
    void answered(Response response);

    ResponseListener NONE = response -> { };
  }

  private boolean send(Request request, int expectedStatus, ResponseListener listener) {
    try (Response response = client.newCall(request).execute()) {
      response.body().bytes();
      if (response.code() != expectedStatus) {
        return false;
      }
      listener.answered(response);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static double percentile(long[] sortedNanos, double q) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(q * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
