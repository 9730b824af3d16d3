package com.ostore.shipping.adapter.out.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether the brokers answer right now, for the readiness report; one admin client kept open, each
 * question bounded by a timeout so a broker outage never holds up a health check for long.
 */
public final class KafkaReachability implements AutoCloseable {
  private final Map<String, Object> settings;
  private final Duration timeout;
  private Admin admin;
  private boolean closed;

  /** Makes no client yet: the first question does, so the start of the service does not wait for one. */
  public KafkaReachability(KafkaConfig config, Duration timeout) {
    Map<String, Object> settings = new HashMap<>(config.clientProperties());
    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    this.settings = Map.copyOf(settings);
    this.timeout = timeout;
  }

  private synchronized Admin admin() {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    if (admin == null) {
      admin = Admin.create(settings);
    }
    return admin;
  }

  /** True when a broker described the cluster within the timeout; never throws. */
  public boolean reachable() {
    try {
      return !admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis())).nodes()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    Admin made;
    synchronized (this) {
      closed = true;
      made = admin;
    }
    if (made != null) {
      made.close(Duration.ofSeconds(2));
    }
  }
}
