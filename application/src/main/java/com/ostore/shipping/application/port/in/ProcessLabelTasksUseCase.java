package com.ostore.shipping.application.port.in;

/** Background work: buys the labels of pending shipments, retrying until the carrier answers. */
public interface ProcessLabelTasksUseCase {
  /** Claims due label work and runs it; returns how many tasks were handled. */
  int processDueLabelTasks();

  /** Extends the leases of the work this worker is running, so no other instance takes it over. */
  void renewLeases();
}
