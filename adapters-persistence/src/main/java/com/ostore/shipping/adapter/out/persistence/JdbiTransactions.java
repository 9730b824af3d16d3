package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.domain.port.out.Transactions;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Transactions over Jdbi. Jdbi binds the open handle to the calling thread, and every repository
 * here reaches the database through {@code Jdbi#withHandle}/{@code Jdbi#inTransaction}, which reuse
 * that handle: so repository calls inside {@code work} share its transaction, and a nested call joins
 * the outer one instead of opening a second.
 */
final class JdbiTransactions implements Transactions {
  private final Jdbi jdbi;

  JdbiTransactions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return jdbi.inTransaction(handle -> work.get());
  }
}
