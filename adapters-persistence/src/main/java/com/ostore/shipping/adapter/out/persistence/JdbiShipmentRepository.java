package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.adapter.out.persistence.ShipmentDao.ParcelRow;
import com.ostore.shipping.adapter.out.persistence.Coalescer.Outcome;
import com.ostore.shipping.adapter.out.persistence.ShipmentDao.ShipmentParcelRow;
import com.ostore.shipping.adapter.out.persistence.ShipmentStatements.PendingCreate;
import com.ostore.shipping.domain.model.Label;
import com.ostore.shipping.domain.model.LabelFormat;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.port.out.IdempotencyClaim;
import com.ostore.shipping.domain.port.out.LabelReference;
import com.ostore.shipping.domain.port.out.PurchaseKey;
import com.ostore.shipping.domain.port.out.ShipmentRenderer;
import com.ostore.shipping.domain.port.out.ShipmentRepository;
import com.ostore.shipping.domain.port.out.StaleShipmentException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Shipments, their packages and labels in PostgreSQL, with optimistic locking on the shipment version.
 * Ids come from the tables' sequences in blocks ({@link IdBlock}).
 */
final class JdbiShipmentRepository implements ShipmentRepository {
  /** JPA's customary allocation size: one reserving query per 50 creates; at most 49 ids skipped per stop. */
  private static final int ID_BLOCK = 50;

  private final Jdbi jdbi;
  private final DataSource dataSource;
  private final IdBlock shipmentIds;
  private final IdBlock parcelIds;
  private final Coalescer<PendingCreate, Boolean> creates;
  private final StoredRenderings renderings;
  /** Set once this format's walk is known to be over: its steps then need no statement at all. */
  private volatile boolean answersWalked;

  JdbiShipmentRepository(Jdbi jdbi, DataSource dataSource, StoredRenderings renderings) {
    this(jdbi, dataSource, CoalescingLimits.DEFAULTS, renderings);
  }

  JdbiShipmentRepository(Jdbi jdbi, DataSource dataSource, CoalescingLimits limits, StoredRenderings renderings) {
    this.jdbi = jdbi;
    this.dataSource = dataSource;
    this.renderings = renderings;
    this.shipmentIds = new IdBlock(jdbi, "shipments", "shipmentid", ID_BLOCK);
    this.parcelIds = new IdBlock(jdbi, "packages", "packageid", ID_BLOCK);
    this.creates = new Coalescer<>(limits.maxCreates(), limits.createBatchesInFlight(), limits.overlapAt(),
        this::createAll, create -> create.claim() == null ? null : List.of(create.claim().callerId(), create.claim().key()));
  }

  @Override
  public ShipmentId nextShipmentId() {
    return ShipmentId.of(shipmentIds.next());
  }

  @Override
  public ParcelId nextParcelId() {
    return ParcelId.of(parcelIds.next());
  }

  @Override
  public void add(Shipment shipment) {
    jdbi.useTransaction(handle -> {
      ShipmentDao dao = handle.attach(ShipmentDao.class);
      dao.insertShipment(ShipmentRows.toRow(shipment, renderings));
      dao.insertParcels(ShipmentRows.toParcelRows(shipment));
    });
  }

  @Override
  public void addWithLabelTask(Shipment shipment, Instant labelsDueAt) {
    create(new PendingCreate(ShipmentRows.toRow(shipment, renderings), ShipmentRows.toParcelRows(shipment),
        labelsDueAt, null));
  }

  @Override
  public boolean addWithLabelTask(Shipment shipment, Instant labelsDueAt, IdempotencyClaim claim) {
    return create(new PendingCreate(ShipmentRows.toRow(shipment, renderings), ShipmentRows.toParcelRows(shipment),
        labelsDueAt, Objects.requireNonNull(claim, "claim")));
  }

  /**
   * Inside a transaction, on its connection (it must see and undo the write); outside, together with the
   * creates of other requests made at the same moment ({@link #createAll}).
   */
  private boolean create(PendingCreate create) {
    if (JdbiTransactions.openOnThisThread()) {
      return jdbi.withHandle(handle -> createOne(handle.getConnection(), create));
    }
    return creates.submit(create);
  }

  private static boolean createOne(Connection connection, PendingCreate create) {
    return ShipmentStatements.insertWithLabelTask(connection, create);
  }

  /**
   * One statement, so one commit, for a batch of creates. When it fails for anything but an outage, each
   * create is redone on its own, so a bad one fails alone with its own error and the others are written;
   * an outage fails every create of the batch with it (each caller then answers that the database is
   * unavailable, as it would alone).
   */
  private List<Outcome<Boolean>> createAll(List<PendingCreate> batch) {
    if (batch.size() == 1) {
      return List.of(Outcome.of(withPooledConnection(connection -> createOne(connection, batch.get(0)))));
    }
    Set<Long> written;
    try {
      written = withPooledConnection(connection -> {
        try {
          return ShipmentStatements.insertAllWithLabelTasks(connection, batch);
        } catch (SQLException e) {
          throw new UnableToExecuteStatementException("could not store a batch of " + batch.size() + " shipments",
              e, null);
        }
      });
    } catch (RuntimeException e) {
      if (OutageGuard.isOutage(e)) {
        return batch.stream().map(create -> Outcome.<Boolean>failed(new UnableToExecuteStatementException(
            "could not store shipment " + create.shipment().shipmentId(), e, null))).toList();
      }
      return batch.stream().map(this::createAlone).toList();
    }
    return batch.stream().map(create -> Outcome.of(written.contains(create.shipment().shipmentId()))).toList();
  }

  private Outcome<Boolean> createAlone(PendingCreate create) {
    try {
      return Outcome.of(withPooledConnection(connection -> createOne(connection, create)));
    } catch (RuntimeException e) {
      return Outcome.failed(e);
    }
  }

  @Override
  public Shipment update(Shipment shipment) {
    return jdbi.inTransaction(handle -> {
      ShipmentDao dao = handle.attach(ShipmentDao.class);
      if (dao.updateShipment(ShipmentRows.toRow(shipment, renderings)) == 0) {
        throw new StaleShipmentException(shipment.id(), shipment.version());
      }
      for (ParcelRow parcel : ShipmentRows.toParcelRows(shipment)) {
        if (dao.updateParcel(parcel) == 0) {
          // The domain never adds packages to a stored shipment, so this is a caller bug.
          throw new IllegalStateException("package " + parcel.packageId() + " of shipment " + shipment.id()
              + " was never stored");
        }
      }
      return shipment.withVersion(shipment.version() + 1);
    });
  }

  @Override
  public List<Shipment> updateAll(List<Shipment> changed) {
    if (changed.size() < 2) {
      return changed.stream().map(this::update).toList();
    }
    return jdbi.inTransaction(handle -> {
      ShipmentDao dao = handle.attach(ShipmentDao.class);
      int[] updated = dao.updateShipments(changed.stream().map(s -> ShipmentRows.toRow(s, renderings)).toList());
      for (int i = 0; i < updated.length; i++) {
        if (updated[i] == 0) {
          throw new StaleShipmentException(changed.get(i).id(), changed.get(i).version());
        }
      }
      List<ParcelRow> parcels = changed.stream().flatMap(s -> ShipmentRows.toParcelRows(s).stream()).toList();
      int[] parcelsUpdated = dao.updateParcels(parcels);
      for (int i = 0; i < parcelsUpdated.length; i++) {
        if (parcelsUpdated[i] == 0) {
          throw new IllegalStateException("package " + parcels.get(i).packageId() + " was never stored");
        }
      }
      return changed.stream().map(s -> s.withVersion(s.version() + 1)).toList();
    });
  }

  /**
   * Reads are not coalesced as creates are: a read is cheap for the database, and handing reads between
   * request threads cost the service more than one query for several saved (benchmarks/README.md).
   */
  @Override
  public Optional<Shipment> findById(ShipmentId id) {
    List<ShipmentParcelRow> rows = onReadConnection(connection -> ShipmentStatements.findById(connection, id.value()));
    return ShipmentRows.toShipments(rows).stream().findFirst();
  }

  /**
   * One row when its stored answer is in the reader's format and of the shipment's current version; else
   * (a shipment last written before renderings were kept, or by an instance that keeps none or another
   * format, or no such shipment) read from the rows and rendered.
   */
  @Override
  public Optional<byte[]> findRendered(ShipmentId id, ShipmentRenderer renderer) {
    if (renderings.serve(renderer)) {
      byte[] stored = onReadConnection(
          connection -> ShipmentStatements.findRendered(connection, id.value(), renderer.format()));
      if (stored != null) {
        return Optional.of(stored);
      }
    }
    return findById(id).map(renderer::render);
  }

  /**
   * One step of this format's walk, in one transaction: the walk's row locked (another instance's step is
   * skipped, not waited for), the next shipments read, the stale ones among them rendered and stored unless
   * they changed meanwhile, the walk moved on past them. A step that finds fewer than {@code limit}
   * shipments ends the walk; shipments created after it are stored with their answer anyway.
   */
  @Override
  public int refreshStoredAnswers(int limit) {
    String format = renderings.format();
    if (format == null || answersWalked) {
      return 0;
    }
    return jdbi.inTransaction(handle -> {
      StoredAnswerDao walk = handle.attach(StoredAnswerDao.class);
      walk.startWalk(format);
      Optional<StoredAnswerDao.Walk> locked = walk.lockWalk(format);
      if (locked.isEmpty() || locked.get().finished()) {
        answersWalked = locked.isPresent();
        return 0;
      }
      long after = locked.get().afterShipmentId();
      List<StoredAnswerDao.WalkedShipment> next = walk.shipmentsAfter(format, after, limit);
      List<Long> stale = next.stream().filter(StoredAnswerDao.WalkedShipment::stale)
          .map(StoredAnswerDao.WalkedShipment::shipmentId).toList();
      if (!stale.isEmpty()) {
        List<ShipmentParcelRow> rows = handle.attach(ShipmentDao.class).findByIds(stale);
        walk.storeAnswers(ShipmentRows.toShipments(rows).stream()
            .map(s -> new StoredAnswerDao.Answer(s.id().value(), s.version(), renderings.render(s))).toList(), format);
      }
      long last = next.isEmpty() ? after : next.get(next.size() - 1).shipmentId();
      walk.advanceWalk(format, last, next.size() < limit);
      return next.size();
    });
  }

  @Override
  public Optional<Shipment> findByParcelId(ParcelId parcelId) {
    List<ShipmentParcelRow> rows = jdbi.withExtension(ShipmentDao.class, dao -> dao.findByPackageId(parcelId.value()));
    return ShipmentRows.toShipments(rows).stream().findFirst();
  }

  @Override
  public List<Shipment> findByOrderId(OrderId orderId) {
    return ShipmentRows.toShipments(
        jdbi.withExtension(ShipmentDao.class, dao -> dao.findByOrderId(orderId.value())));
  }

  @Override
  public Map<OrderId, List<Shipment>> findByOrderIds(Collection<OrderId> orderIds) {
    Map<OrderId, List<Shipment>> found = new LinkedHashMap<>();
    orderIds.forEach(order -> found.put(order, new ArrayList<>()));
    if (orderIds.isEmpty()) {
      return found;
    }
    List<Long> ids = orderIds.stream().map(OrderId::value).distinct().toList();
    List<ShipmentParcelRow> rows = jdbi.withExtension(ShipmentDao.class, dao -> dao.findByOrderIds(ids));
    ShipmentRows.toShipments(rows).forEach(s -> found.get(s.orderId()).add(s));
    found.replaceAll((order, shipments) -> List.copyOf(shipments));
    return found;
  }

  @Override
  public List<Shipment> findByOrderId(OrderId orderId, Optional<ShipmentId> after, int limit) {
    long from = after.map(ShipmentId::value).orElse(0L);
    return ShipmentRows.toShipments(
        jdbi.withExtension(ShipmentDao.class, dao -> dao.pageByOrderId(orderId.value(), from, limit)));
  }

  @Override
  public void saveLabel(ParcelId parcelId, Label label, TrackingNumber masterTrackingNumber) {
    jdbi.useExtension(ShipmentDao.class, dao -> dao.saveLabel(parcelId.value(),
        label.format().name().toLowerCase(Locale.ROOT), label.content(),
        masterTrackingNumber == null ? null : masterTrackingNumber.value()));
  }

  @Override
  public List<LabelReference> labelReferences(Shipment shipment) {
    Map<Long, String> masters = new HashMap<>();
    jdbi.withExtension(ShipmentDao.class, dao -> dao.findMasters(shipment.id().value()))
        .forEach(row -> masters.put(row.packageId(), row.masterTrackingNumber()));
    return shipment.parcels().stream().filter(p -> p.trackingNumber() != null)
        .map(p -> new LabelReference(p.trackingNumber(),
            Optional.ofNullable(masters.get(p.id().value())).map(TrackingNumber::of).orElse(null)))
        .toList();
  }

  @Override
  public PurchaseKey startPurchase(ParcelId parcelId, PurchaseKey candidate) {
    return jdbi.withExtension(ShipmentDao.class, dao -> {
      dao.insertPurchaseKeyIfAbsent(parcelId.value(), candidate.idempotencyKey(), candidate.mailingDate());
      return dao.findPurchaseKey(parcelId.value())
          .map(row -> new PurchaseKey(row.idempotencyKey(), row.mailingDate()))
          .orElseThrow(() -> new IllegalStateException("package " + parcelId + " has no stored purchase key"));
    });
  }

  @Override
  public void replacePurchaseKey(ParcelId parcelId, PurchaseKey key) {
    jdbi.useExtension(ShipmentDao.class,
        dao -> dao.upsertPurchaseKey(parcelId.value(), key.idempotencyKey(), key.mailingDate()));
  }

  @Override
  public Optional<Label> findLabel(ParcelId parcelId) {
    return jdbi.withExtension(ShipmentDao.class, dao -> dao.findLabel(parcelId.value()))
        .map(row -> new Label(LabelFormat.fromName(row.format()), row.content()));
  }

  /** Creates waiting for a batch in flight to end; for tests. */
  int queuedCreates() {
    return creates.queuedCount();
  }

  /** A read sees the open transaction's writes when there is one; otherwise it needs no transaction. */
  private <T> T onReadConnection(Function<Connection, T> read) {
    return JdbiTransactions.openOnThisThread() ? jdbi.withHandle(handle -> read.apply(handle.getConnection()))
        : withPooledConnection(read);
  }

  /**
   * Runs one statement's work on a pooled connection of its own, in auto-commit: a read and a create are
   * each one statement, and opening and closing a Jdbi handle around them (a copy of Jdbi's configuration
   * each time) cost about 6 % of a request.
   */
  private <T> T withPooledConnection(Function<Connection, T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.apply(connection);
    } catch (SQLException e) {
      throw new ConnectionException(e);
    }
  }
}
