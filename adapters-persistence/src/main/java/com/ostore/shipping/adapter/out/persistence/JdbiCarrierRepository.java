package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.adapter.out.persistence.CarrierDao.CarrierRow;
import com.ostore.shipping.domain.model.Carrier;
import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.port.out.CarrierRepository;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The Carriers table, seeded by the migrations with FedEx and USPS. */
final class JdbiCarrierRepository implements CarrierRepository {
  private final Jdbi jdbi;

  JdbiCarrierRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public List<Carrier> findAll() {
    return jdbi.withExtension(CarrierDao.class, CarrierDao::findAll).stream().map(CarrierRow::toCarrier).toList();
  }

  @Override
  public Optional<Carrier> findByCode(CarrierCode code) {
    return jdbi.withExtension(CarrierDao.class, dao -> dao.findByCode(code.wireName())).map(CarrierRow::toCarrier);
  }
}
