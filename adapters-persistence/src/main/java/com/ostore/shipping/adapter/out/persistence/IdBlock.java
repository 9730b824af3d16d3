package com.ostore.shipping.adapter.out.persistence;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Ids drawn from one sequence a block at a time, so a create does not spend a round trip to the
 * database on each id: one query reserves {@code size} values, which this instance then hands out. The
 * values are plain {@code nextval}s, so instances (and releases that drew one id at a time) never
 * collide; what an instance had not handed out when it stopped is skipped, as a rolled-back
 * {@code nextval} is.
 */
final class IdBlock {
  private final Jdbi jdbi;
  private final String reserve;
  private final int size;
  private long[] block = new long[0];
  private int next;

  /** {@code table} and {@code column} name a serial column; both are constants of this module. */
  IdBlock(Jdbi jdbi, String table, String column, int size) {
    this.jdbi = jdbi;
    this.reserve = "SELECT nextval(pg_get_serial_sequence('" + table + "', '" + column + "'))"
        + " FROM generate_series(1, :size)";
    this.size = size;
  }

  synchronized long next() {
    if (next == block.length) {
      List<Long> reserved = jdbi.withHandle(handle -> handle.createQuery(reserve).bind("size", size)
          .mapTo(Long.class).list());
      block = reserved.stream().mapToLong(Long::longValue).toArray();
      next = 0;
    }
    return block[next++];
  }
}
