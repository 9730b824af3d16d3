package com.ostore.shipping.adapter.out.persistence;

import com.ostore.shipping.domain.model.Carrier;
import com.ostore.shipping.domain.model.CarrierCode;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * SQL for the Carriers table. Its row records are nested so Jdbi can reach them (nested types are public) while the
 * package-private interface keeps them out of the module's API.
 */
@RegisterConstructorMapper(CarrierDao.CarrierRow.class)
interface CarrierDao {

  @SqlQuery("SELECT carrierID, carrierCode, carrierName, contactInformation FROM Carriers ORDER BY carrierID")
  List<CarrierRow> findAll();

  @SqlQuery("""
      SELECT carrierID, carrierCode, carrierName, contactInformation FROM Carriers WHERE carrierCode = :carrierCode
      """)
  Optional<CarrierRow> findByCode(String carrierCode);

  /** A Carriers row. */
  record CarrierRow(int carrierId, String carrierCode, String carrierName, String contactInformation) {

    Carrier toCarrier() {
      return new Carrier(carrierId, CarrierCode.fromWireName(carrierCode), carrierName, contactInformation);
    }
  }
}
