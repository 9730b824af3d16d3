package com.ostore.shipping.domain.model;

/**
 * Which part of a scan's time the carrier stated, and so which part identifies the scan: the same scan
 * reported again must be recognised by a fact, never by a value the service had to guess.
 */
public enum TimeStated {
  /** The carrier stated the instant (its own offset shown, or one inferred only for display). */
  INSTANT,
  /**
   * The carrier printed only its local clock time; the offset was guessed (from a neighbouring scan)
   * and may be guessed differently next time, so only the local time identifies the scan.
   */
  LOCAL_TIME
}
