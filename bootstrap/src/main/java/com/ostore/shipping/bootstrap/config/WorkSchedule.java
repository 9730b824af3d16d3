package com.ostore.shipping.bootstrap.config;

import java.time.Duration;

/** How many label workers run and how often each background loop looks for work. */
public record WorkSchedule(
    int labelWorkers, Duration pollInterval, Duration relayInterval, Duration leaseRenewal, Duration alertCheck,
    Duration pruneInterval) {}
