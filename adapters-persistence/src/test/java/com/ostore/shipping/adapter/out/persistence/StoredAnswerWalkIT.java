package com.ostore.shipping.adapter.out.persistence;

import static com.ostore.shipping.domain.testing.ShipmentTestData.T0;
import static com.ostore.shipping.domain.testing.ShipmentTestData.aShipment;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.port.out.ShipmentRepository;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The walk that brings the answers stored with shipments up to date ({@code refreshStoredAnswers}): a shipment
 * with no answer (written before V66, or by a module that keeps none), or with one of an older version or in
 * another format, gets its current answer; nothing else is written; instances share one walk per format.
 * The class's {@link DatabaseTestSupport#module} keeps no answers, as an instance of an earlier release.
 * Each test walks in a format of its own, as each release of the API would.
 */
class StoredAnswerWalkIT extends DatabaseTestSupport {

  @Test
  void givenShipmentsWithoutCurrentAnswers_whenTheWalkRuns_thenEachGetsItsAnswerAndTheWalkEnds() throws SQLException {
    SummaryRenderer renderer = new SummaryRenderer("walk-a");
    try (PersistenceModule walker = PersistenceModule.start(config(), renderer)) {
      ShipmentRepository withAnswers = walker.shipmentRepository();
      for (long id = 8001; id <= 8003; id++) {
        module.shipmentRepository().addWithLabelTask(aShipment().withId(id).withParcels(2).build(), T0);
      }
      withAnswers.addWithLabelTask(aShipment().withId(8004).build(), T0);
      Shipment changedByAnEarlierRelease = aShipment().withId(8005).build();
      withAnswers.addWithLabelTask(changedByAnEarlierRelease, T0);
      module.shipmentRepository().update(changedByAnEarlierRelease.cancelled(T0.plusSeconds(60)));
      String untouched = rowVersion(8004);

      List<Integer> steps = walk(withAnswers, 2);

      assertThat(steps).allSatisfy(step -> assertThat(step).isBetween(1, 2));
      assertThat(steps.stream().mapToLong(Integer::longValue).sum())
          .isEqualTo(queryLong("SELECT count(*) FROM Shipments"));
      assertThat(withAnswers.refreshStoredAnswers(2)).as("a finished walk").isZero();
      for (long id : List.of(8001L, 8002L, 8003L, 8005L)) {
        Shipment current = withAnswers.findById(ShipmentId.of(id)).orElseThrow();
        assertThat(stored(id)).isEqualTo(new String(renderer.render(current), UTF_8));
        assertThat(queryLong("SELECT rendered_version FROM Shipments WHERE shipmentID = " + id))
            .isEqualTo(current.version());
      }
      assertThat(withAnswers.findById(ShipmentId.of(8005)).orElseThrow().version()).as("no change of its own")
          .isEqualTo(1);
      assertThat(rowVersion(8004)).as("an answer already current is not written again").isEqualTo(untouched);
    }
  }

  @Test
  void givenAFinishedWalk_whenAnotherInstanceStarts_thenItWalksNothingAndANewFormatWalksAgain() throws SQLException {
    module.shipmentRepository().addWithLabelTask(aShipment().withId(8101).build(), T0);
    try (PersistenceModule first = PersistenceModule.start(config(), new SummaryRenderer("walk-b"));
        PersistenceModule second = PersistenceModule.start(config(), new SummaryRenderer("walk-b"));
        PersistenceModule nextRelease = PersistenceModule.start(config(), new SummaryRenderer("walk-b2"))) {
      walk(first.shipmentRepository(), 50);
      String walked = rowVersion(8101);

      assertThat(second.shipmentRepository().refreshStoredAnswers(50)).isZero();
      assertThat(rowVersion(8101)).isEqualTo(walked);

      assertThat(walk(nextRelease.shipmentRepository(), 50)).isNotEmpty();
      assertThat(stored(8101)).startsWith("Zoë walk-b2 ");
    }
  }

  @Test
  void givenTwoInstances_whenTheyTakeStepsInTurn_thenEachGoesOnWhereTheOtherStopped() throws SQLException {
    for (long id = 8201; id <= 8203; id++) {
      module.shipmentRepository().addWithLabelTask(aShipment().withId(id).build(), T0);
    }
    long first = queryLong("SELECT min(shipmentID) FROM Shipments");
    long second = queryLong("SELECT min(shipmentID) FROM Shipments WHERE shipmentID > " + first);
    try (PersistenceModule a = PersistenceModule.start(config(), new SummaryRenderer("walk-c"));
        PersistenceModule b = PersistenceModule.start(config(), new SummaryRenderer("walk-c"))) {
      assertThat(a.shipmentRepository().refreshStoredAnswers(1)).isEqualTo(1);
      assertThat(walkedTo("walk-c")).isEqualTo(first);

      assertThat(b.shipmentRepository().refreshStoredAnswers(1)).isEqualTo(1);
      assertThat(walkedTo("walk-c")).isEqualTo(second);
      assertThat(stored(second)).startsWith("Zoë walk-c ");
    }
  }

  /**
   * A shipment another writer is changing right now (here one of an earlier release, which stores no answer)
   * is left to that change: the step neither waits for the writer's row lock nor stores over the change.
   */
  @Test
  void givenAShipmentBeingChanged_whenAStepPassesIt_thenTheStepGoesOnWithoutWaitingAndLeavesItToTheChange()
      throws Exception {
    module.shipmentRepository().addWithLabelTask(aShipment().withId(8401).build(), T0);
    ExecutorService stepper = Executors.newSingleThreadExecutor();
    try (PersistenceModule walker = PersistenceModule.start(config(), new SummaryRenderer("walk-d"));
        Connection earlierRelease = DriverManager.getConnection(database.jdbcUrl(), database.username(),
            database.password())) {
      earlierRelease.setSchema(config().schema());
      earlierRelease.setAutoCommit(false);
      try (Statement change = earlierRelease.createStatement()) {
        change.executeUpdate("UPDATE Shipments SET version = version + 1, rendered = NULL WHERE shipmentID = 8401");
      }

      Future<Integer> step = stepper.submit(() -> walker.shipmentRepository().refreshStoredAnswers(500));

      assertThat(step.get(30, TimeUnit.SECONDS)).as("a step while the change is still open").isPositive();
      assertThat(walkedTo("walk-d")).isGreaterThanOrEqualTo(8401);
      earlierRelease.commit();
    } finally {
      stepper.shutdownNow();
    }
    assertThat(stored(8401)).as("no answer: the change stored none, and the step left the shipment alone").isNull();
    assertThat(queryLong("SELECT version FROM Shipments WHERE shipmentID = 8401")).isEqualTo(1);
  }

  @Test
  void aModuleThatKeepsNoAnswersDoesNotWalk() throws SQLException {
    module.shipmentRepository().addWithLabelTask(aShipment().withId(8301).build(), T0);
    long walks = queryLong("SELECT count(*) FROM stored_answer_walks");

    assertThat(module.shipmentRepository().refreshStoredAnswers(50)).isZero();
    assertThat(queryLong("SELECT count(*) FROM stored_answer_walks")).isEqualTo(walks);
    assertThat(stored(8301)).isNull();
  }

  /** Steps until the walk is over; returns how many shipments each step went past. */
  private static List<Integer> walk(ShipmentRepository repository, int limit) {
    List<Integer> steps = new ArrayList<>();
    for (int step = repository.refreshStoredAnswers(limit); step > 0; step = repository.refreshStoredAnswers(limit)) {
      steps.add(step);
    }
    return steps;
  }

  private static String stored(long shipmentId) throws SQLException {
    return queryText("SELECT rendered FROM Shipments WHERE shipmentID = " + shipmentId);
  }

  /** The transaction that last wrote the shipment's row: any write of the row changes it. */
  private static String rowVersion(long shipmentId) throws SQLException {
    return queryText("SELECT xmin::text FROM Shipments WHERE shipmentID = " + shipmentId);
  }

  private static long walkedTo(String format) throws SQLException {
    return queryLong("SELECT after_shipment_id FROM stored_answer_walks WHERE format = '" + format + "'");
  }
}
