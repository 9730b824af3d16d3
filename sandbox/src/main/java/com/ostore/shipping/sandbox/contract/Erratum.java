package com.ostore.shipping.sandbox.contract;

import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * One documented difference between a published document's schema and what the carrier does, applied
 * to the document in memory before validation. {@code evidence} says where the difference was read.
 */
public record Erratum(String id, PublishedContract contract, Kind kind, String summary, String evidence,
    Consumer<ObjectNode> patch) {

  /** Which way the schema is wrong. */
  public enum Kind {
    /** The schema refuses what the carrier's own examples and clients send: relaxed. */
    CORRECTION,
    /** The document's text states a rule its schema does not encode: added. */
    PROSE_RULE,
    /** The carrier's error list or recorded answers show a rule the document does not state: added. */
    LIVE_RULE
  }
}
