package com.ostore.shipping.adapter.in.http;

import com.ostore.shipping.domain.model.CarrierCode;
import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.OrderId;
import com.ostore.shipping.domain.model.Parcel;
import com.ostore.shipping.domain.model.ParcelId;
import com.ostore.shipping.domain.model.Recipient;
import com.ostore.shipping.domain.model.Shipment;
import com.ostore.shipping.domain.model.ShipmentId;
import com.ostore.shipping.domain.model.ShipmentStatus;
import com.ostore.shipping.domain.model.ShippingAddress;
import com.ostore.shipping.domain.model.TrackingNumber;
import com.ostore.shipping.domain.model.Weight;
import com.ostore.shipping.domain.port.out.ShipmentRenderer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A shipment exactly as {@code GET /shipments/{shipmentID}} answers it. Give it to the persistence adapter
 * so that it keeps every shipment's answer beside it; a read then sends the stored bytes.
 *
 * <p>The format is a digest of this renderer's answers for a few sample shipments that set every field the
 * API writes, not a number someone has to remember to raise: any change to what the API writes changes it,
 * and answers stored before the change (by an instance still running the old version, say) are no longer
 * served.
 */
public final class ApiShipmentRenderer implements ShipmentRenderer {
  // Shared by every instance: the same format writes the same bytes (the persistence adapter and the HTTP
  // adapter are each given one).
  private static final ThreadLocal<Rendered> LAST = new ThreadLocal<>();

  private final CanonicalJson json;
  private final String format;

  ApiShipmentRenderer(CanonicalJson json) {
    this.json = json;
    this.format = "api-" + digest(samples().stream().map(this::write).toList());
  }

  /** The renderer of the API's answers, with the API's own JSON settings. */
  public static ApiShipmentRenderer create() {
    return new ApiShipmentRenderer(new CanonicalJson(JsonMapper.create()));
  }

  @Override
  public String format() {
    return format;
  }

  /**
   * A create renders its new shipment twice on the request thread, once to store the answer and once to
   * send it; the second time is the first one's bytes. Shipments are immutable, so the same object always
   * renders the same in one format.
   */
  @Override
  public byte[] render(Shipment shipment) {
    Rendered previous = LAST.get();
    if (previous != null && previous.shipment() == shipment && previous.format().equals(format)) {
      return previous.bytes();
    }
    byte[] bytes = write(shipment);
    LAST.set(new Rendered(shipment, format, bytes));
    return bytes;
  }

  private byte[] write(Shipment shipment) {
    return json.bytes(ShipmentResponse.from(shipment));
  }

  private record Rendered(Shipment shipment, String format, byte[] bytes) {}

  /** Shipments that between them set every field of the answer, each in the form the API writes it. */
  static List<Shipment> samples() {
    ShipmentId id = ShipmentId.of(1);
    Instant created = Instant.parse("2026-01-02T03:04:05.123456Z");
    Instant updated = Instant.parse("2026-01-03T00:00:00Z");
    Parcel labelled = new Parcel(ParcelId.of(2), id, Weight.pounds("2.50"), Dimensions.parse("12x8x4.5 in"),
        ShipmentStatus.IN_TRANSIT, TrackingNumber.of("794600000001"), "FEDEX_GROUND", created, updated);
    Shipment inTransit = Shipment.restore(id, OrderId.of(3),
        ShippingAddress.parse("350 Fifth Avenue, New York, NY 10118, US"),
        new Recipient("Zoë O'Brien", "ACME", "+12125550100", "zoe@example.com"), ShipmentStatus.IN_TRANSIT,
        CarrierCode.FEDEX, "FEDEX_GROUND", List.of(labelled), null, created, updated, 4);
    Parcel pending = Parcel.pending(ParcelId.of(5), ShipmentId.of(4), Weight.pounds("1"), null, created);
    Shipment failed = Shipment.create(ShipmentId.of(4), OrderId.of(3),
        ShippingAddress.parse("1 Main St, Springfield, US"), CarrierCode.USPS, null, List.of(pending), created)
        .failed("Address Not Found.", updated);
    return List.of(inTransit, failed);
  }

  private static String digest(List<byte[]> answers) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (byte[] answer : answers) {
        sha256.update(answer);
        sha256.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha256.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
