package com.ostore.shipping.bootstrap.config;

import com.ostore.shipping.adapter.in.http.HttpConfig;
import com.ostore.shipping.adapter.in.http.auth.SecurityConfig;
import com.ostore.shipping.adapter.out.alerting.PagerDutyConfig;
import com.ostore.shipping.adapter.out.carrier.fedex.FedexConfig;
import com.ostore.shipping.adapter.out.carrier.usps.UspsConfig;
import com.ostore.shipping.adapter.out.kafka.KafkaConfig;
import com.ostore.shipping.adapter.out.persistence.DatabaseConfig;
import com.ostore.shipping.application.service.ShippingPreferences;
import com.ostore.shipping.application.service.WorkSettings;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the service needs to start, already mapped into each adapter's own configuration record.
 * Read it with {@link EnvironmentConfig#read}; the field meanings are documented in the README.
 */
public record ServiceConfig(
    HttpConfig http,
    DatabaseConfig database,
    KafkaConfig kafka,
    int kafkaPartitions,
    Optional<FedexConfig> fedex,
    Optional<UspsConfig> usps,
    ShippingPreferences preferences,
    WorkSettings work,
    WorkSchedule schedule,
    Optional<PagerDutyConfig> pagerDuty,
    SecurityConfig security,
    OperationsSettings operations) {

  public ServiceConfig {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(kafka, "kafka");
    Objects.requireNonNull(fedex, "fedex");
    Objects.requireNonNull(usps, "usps");
    Objects.requireNonNull(preferences, "preferences");
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(pagerDuty, "pagerDuty");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(operations, "operations");
  }
}
