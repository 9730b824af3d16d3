package com.ostore.shipping.application.testing;

import com.ostore.shipping.domain.port.out.Transactions;
import java.util.function.Supplier;

/** Runs the work at once; the in-memory stores have nothing to commit or roll back. */
public final class DirectTransactions implements Transactions {
  private int count;

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    count++;
    return work.get();
  }

  /** How many transactions were started (nested ones included). */
  public int count() {
    return count;
  }
}
