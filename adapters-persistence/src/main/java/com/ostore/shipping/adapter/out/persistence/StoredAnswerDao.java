package com.ostore.shipping.adapter.out.persistence;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the walks that bring stored answers up to date ({@code stored_answer_walks}, V68). */
@RegisterConstructorMapper(StoredAnswerDao.WalkedShipment.class)
@RegisterConstructorMapper(StoredAnswerDao.Walk.class)
interface StoredAnswerDao {

  @SqlUpdate("INSERT INTO stored_answer_walks (format) VALUES (:format) ON CONFLICT (format) DO NOTHING")
  void startWalk(String format);

  /**
   * The walk's row, locked until the transaction ends; empty while another instance is taking a step (that
   * one is not waited for).
   */
  @SqlQuery("""
      SELECT after_shipment_id, finished_at IS NOT NULL AS finished FROM stored_answer_walks WHERE format = :format
      FOR UPDATE SKIP LOCKED
      """)
  Optional<Walk> lockWalk(String format);

  /** The next shipments, and whether their stored answer is not the current one in {@code format}. */
  @SqlQuery("""
      SELECT shipmentID AS shipment_id,
             rendered_format IS DISTINCT FROM :format OR rendered_version IS DISTINCT FROM version AS stale
      FROM Shipments WHERE shipmentID > :after ORDER BY shipmentID LIMIT :limit
      """)
  List<WalkedShipment> shipmentsAfter(String format, long after, int limit);

  /**
   * Stores each answer unless its shipment changed since it was read (that change stored its own) or is being
   * changed right now (its writer's row lock): the walk never waits for live work, so it can never be part
   * of a deadlock with it either.
   */
  @SqlBatch("""
      UPDATE Shipments SET rendered = :rendered, rendered_format = :format, rendered_version = version
      WHERE shipmentID = (SELECT shipmentID FROM Shipments WHERE shipmentID = :shipmentId AND version = :version
                          FOR UPDATE SKIP LOCKED)
        AND version = :version
      """)
  int[] storeAnswers(@BindMethods List<Answer> answers, String format);

  @SqlUpdate("""
      UPDATE stored_answer_walks
      SET after_shipment_id = :after, finished_at = CASE WHEN :finished THEN now() END
      WHERE format = :format
      """)
  void advanceWalk(String format, long after, boolean finished);

  /** Where a walk goes on from, and whether it reached the last shipment. */
  record Walk(long afterShipmentId, boolean finished) {}

  record WalkedShipment(long shipmentId, boolean stale) {}

  /** A shipment's answer as rendered from the rows of {@code version}. */
  record Answer(long shipmentId, long version, String rendered) {}
}
