package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.domain.port.out.StorageUnavailableException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.jdbi.v3.core.ConnectionException;

/**
 * Turns "the database is not there" into the domain's {@link StorageUnavailableException} at every
 * port this module hands out, whichever statement met it, so callers can answer 503 at once instead of
 * treating an outage as a bug. One proxy per port keeps the translation in one place rather than in
 * every repository method; every other exception passes through untouched.
 */
final class OutageGuard {
  /** SQLSTATE class 08 (connection exception) and PostgreSQL's shutdown and "cannot connect now" codes. */
  private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03");

  private OutageGuard() {}

  static <T> T guard(Class<T> port, T target) {
    Object proxy = Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (self, method, args) -> {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw translate(e.getCause());
      }
    });
    return port.cast(proxy);
  }

  static Throwable translate(Throwable failure) {
    if (failure instanceof StorageUnavailableException) {
      return failure;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (isOutageItself(cause)) {
        return new StorageUnavailableException("the database cannot be reached: " + cause.getMessage(), failure);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return failure;
  }

  /** Whether {@code failure} or any of its causes says the database cannot be reached. */
  static boolean isOutage(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (isOutageItself(cause)) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static boolean isOutageItself(Throwable cause) {
    if (cause instanceof ConnectionException || cause instanceof SQLTransientConnectionException) {
      return true;
    }
    if (cause instanceof SQLException sql && sql.getSQLState() != null) {
      return sql.getSQLState().startsWith("08") || OUTAGE_STATES.contains(sql.getSQLState());
    }
    return false;
  }
}
