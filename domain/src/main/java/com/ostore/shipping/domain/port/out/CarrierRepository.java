package com.ostore.shipping.domain.port.out;

import com.ostore.shipping.domain.model.Carrier;
import com.ostore.shipping.domain.model.CarrierCode;
import java.util.List;
import java.util.Optional;

/** The carriers the service knows, with their contact information (the Carriers table). */
public interface CarrierRepository {
  List<Carrier> findAll();

  Optional<Carrier> findByCode(CarrierCode code);
}
