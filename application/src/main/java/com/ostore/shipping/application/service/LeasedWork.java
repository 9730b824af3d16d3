package com.ostore.shipping.application.service;

import com.ostore.shipping.domain.port.out.Task;
import com.ostore.shipping.domain.port.out.TaskQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tasks one worker is running right now, so their leases can be renewed while slow carrier calls
 * are under way; a worker that dies stops renewing and its work is claimed again when the lease ends.
 */
final class LeasedWork {
  private static final Logger LOG = LoggerFactory.getLogger(LeasedWork.class);

  private final TaskQueue tasks;
  private final String workerId;
  private final Duration lease;
  private final Clock clock;
  private final Map<Long, Task> running = new ConcurrentHashMap<>();

  LeasedWork(TaskQueue tasks, String workerId, Duration lease, Clock clock) {
    this.tasks = tasks;
    this.workerId = workerId;
    this.lease = lease;
    this.clock = clock;
  }

  void started(Task task) {
    running.put(task.id(), task);
  }

  void finished(Task task) {
    running.remove(task.id());
  }

  void renewAll() {
    for (Task task : running.values()) {
      if (!tasks.renewLease(task.id(), workerId, clock.instant(), lease)) {
        LOG.warn("lost the lease of task {} ({} {}); another worker may run it", task.id(), task.kind().wireName(),
            task.subjectId());
      }
    }
  }
}
