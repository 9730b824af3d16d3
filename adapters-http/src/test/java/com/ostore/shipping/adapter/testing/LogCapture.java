package com.ostore.shipping.adapter.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects what one logger writes during a test, message and stack trace included. */
public final class LogCapture implements AutoCloseable {
  private final Logger logger;
  private final Level previousLevel;
  private final boolean previousAdditive;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
    @Override
    protected void append(ILoggingEvent event) {
      // The MDC is read lazily; fix it now, on the thread that logged, as an asynchronous appender would.
      event.prepareForDeferredProcessing();
      super.append(event);
    }
  };

  private LogCapture(String loggerName) {
    logger = (Logger) LoggerFactory.getLogger(loggerName);
    previousLevel = logger.getLevel();
    previousAdditive = logger.isAdditive();
    logger.setLevel(Level.DEBUG);
    // Captured lines are asserted on, not printed: keeps expected stack traces out of the build output.
    logger.setAdditive(false);
    appender.start();
    logger.addAppender(appender);
  }

  public static LogCapture of(String loggerName) {
    return new LogCapture(loggerName);
  }

  public static LogCapture of(Class<?> type) {
    return new LogCapture(type.getName());
  }

  public List<ILoggingEvent> events() {
    return List.copyOf(appender.list);
  }

  /** Everything logged, as one text: messages, arguments and stack traces. */
  public String text() {
    StringBuilder text = new StringBuilder();
    for (ILoggingEvent event : events()) {
      text.append(event.getLevel()).append(' ').append(event.getFormattedMessage()).append('\n');
      if (event.getThrowableProxy() != null) {
        text.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
      }
    }
    return text.toString();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previousLevel);
    logger.setAdditive(previousAdditive);
  }
}
