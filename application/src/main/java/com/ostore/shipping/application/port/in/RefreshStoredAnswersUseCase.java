package com.ostore.shipping.application.port.in;

/**
 * Brings the answers stored with shipments up to date after an upgrade or a change of what the API
 * answers, so that reads of shipments that never change again are one row too (run it periodically).
 */
public interface RefreshStoredAnswersUseCase {
  /** One step; returns how many shipments it went past, 0 once there is nothing left to walk. */
  int refreshStoredAnswers();
}
