package com.ostore.shipping.domain.port.out;

import java.util.Objects;

/**
 * A worker's hold on one task: the task as claimed, who holds it, and this claim's token. The queue
 * draws a new token on every claim of a task, so the token tells this claim from every earlier and
 * later one of the same task, even one by the same owner. Every change a holder makes to its task
 * names its claim and is refused once another claim superseded it: a worker whose lease ran out can
 * no longer record anything (fencing).
 */
public record Claim(Task task, String owner, long token) {
  public Claim {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(owner, "owner");
  }

  public long taskId() {
    return task.id();
  }
}
