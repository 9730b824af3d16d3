package com.ostore.shipping.application.service;

import com.ostore.shipping.domain.port.out.Task;

/**
 * The worker's claim on a task was superseded (its lease ran out and the task was claimed again): it
 * may record nothing, and whatever it wrote in the same transaction is rolled back.
 */
final class LostLeaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  LostLeaseException(Task task) {
    super("lost the lease of task " + task.id() + " (" + task.kind().wireName() + " " + task.subjectId() + ")");
  }
}
