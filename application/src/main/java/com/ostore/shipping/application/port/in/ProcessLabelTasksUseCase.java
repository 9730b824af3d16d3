package com.ostore.shipping.application.port.in;

/** Background work: buys the labels of pending shipments, retrying until the carrier answers. */
public interface ProcessLabelTasksUseCase {
  /** Claims due label work and runs it; returns how many tasks were handled. */
  int processDueLabelTasks();

  /**
   * Extends the leases of every task this worker's lease keeper holds (running or waiting in a batch),
   * so no other instance takes them over; see {@link ManageLeasesUseCase#renewLeases()}.
   */
  void renewLeases();
}
