package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.domain.port.out.Transactions;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Transactions over Jdbi. Jdbi binds the open handle to the calling thread, and every repository
 * here reaches the database through {@code Jdbi#withHandle}/{@code Jdbi#inTransaction}, which reuse
 * that handle: so repository calls inside {@code work} share its transaction, and a nested call joins
 * the outer one instead of opening a second. It also notes, per thread, that a transaction is open, so
 * that a read outside every transaction may take a pooled connection without a Jdbi handle around it
 * ({@link #openOnThisThread()}).
 */
final class JdbiTransactions implements Transactions {
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private final Jdbi jdbi;

  JdbiTransactions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    int[] depth = DEPTH.get();
    depth[0]++;
    try {
      return jdbi.inTransaction(handle -> work.get());
    } finally {
      depth[0]--;
    }
  }

  /** True while this thread runs inside {@link #inTransaction}: its reads must go through that handle. */
  static boolean openOnThisThread() {
    return DEPTH.get()[0] > 0;
  }
}
