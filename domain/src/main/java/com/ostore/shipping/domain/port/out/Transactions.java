package com.ostore.shipping.domain.port.out;

import java.util.function.Supplier;

/**
 * The transaction boundary: every repository call made inside {@code work} commits or rolls back
 * together. Calls nest (an inner call joins the outer transaction).
 */
public interface Transactions {
  <T> T inTransaction(Supplier<T> work);

  default void run(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }
}
