package com.ostore.shipping.bootstrap;

import com.ostore.shipping.adapter.out.persistence.SchemaConflictException;
import com.ostore.shipping.bootstrap.config.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a start that failed is reported: its cause in one line a person can act on (the stack trace only
 * at debug level), and the exit status the process ends with. The caller must have stopped whatever it
 * started and then exit: a process that only logs waits forever behind its non-daemon threads.
 */
public final class StartupFailure {
  /** Exit status for a configuration that cannot work (one or more variables at fault). */
  public static final int INVALID_CONFIGURATION = 2;
  /** Exit status for any other failure to start (database, schema, port, broker files...). */
  public static final int FAILED = 1;

  private static final Logger LOG = LoggerFactory.getLogger(StartupFailure.class);

  private StartupFailure() {}

  /** Reports {@code failure} and returns the exit status for it. */
  public static int report(Throwable failure) {
    if (failure instanceof InvalidConfigurationException) {
      // Already one line naming every variable at fault; printed before any logging is set up.
      System.err.println(failure.getMessage());
      return INVALID_CONFIGURATION;
    }
    String setting = failure instanceof SchemaConflictException ? " (the schema is set by DATABASE_SCHEMA)" : "";
    LOG.error("shipment tracking could not start: {}{}", oneLine(failure), setting);
    LOG.debug("the start failed here", failure);
    return FAILED;
  }

  /**
   * The messages of {@code failure} and its causes, outermost first, each once (wrappers often repeat
   * their cause's message), on one line.
   */
  static String oneLine(Throwable failure) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = failure; t != null && messages.size() < 5; t = t.getCause()) {
      if (t.getMessage() == null || t.getMessage().isBlank()) {
        messages.add(t.getClass().getSimpleName());
        continue;
      }
      String message = t.getMessage().replaceAll("\\s+", " ").strip();
      if (messages.stream().noneMatch(m -> m.contains(message))) {
        messages.add(message);
      }
    }
    return String.join(": ", messages);
  }
}
