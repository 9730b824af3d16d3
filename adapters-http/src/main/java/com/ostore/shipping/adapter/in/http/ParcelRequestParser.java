package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.ostore.shipping.application.port.in.ParcelRequest;
import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.LengthUnit;
import com.ostore.shipping.domain.model.ValidationException;
import com.ostore.shipping.domain.model.Weight;
import com.ostore.shipping.domain.model.WeightUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the optional {@code packages} array; weight and size rules are the domain's. */
final class ParcelRequestParser {
  private static final Set<String> PACKAGE_FIELDS = Set.of("weight", "weightUnit", "dimensions");
  private static final Set<String> DIMENSION_FIELDS = Set.of("length", "width", "height", "unit");

  private ParcelRequestParser() {}

  static List<ParcelRequest> parse(JsonNode node) {
    if (JsonFields.absent(node)) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new ValidationException("packages must be an array");
    }
    List<ParcelRequest> parcels = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      parcels.add(parcel(node.get(i), "packages[" + i + "]"));
    }
    return parcels;
  }

  private static ParcelRequest parcel(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new ValidationException(path + " must be an object");
    }
    JsonFields.allowOnly(node, path + ".", PACKAGE_FIELDS);
    String unit = JsonFields.optionalText(node.get("weightUnit"), path + ".weightUnit", 10);
    Weight weight = new Weight(JsonFields.requiredNumber(node.get("weight"), path + ".weight"),
        unit == null ? WeightUnit.LB : WeightUnit.fromWireName(unit));
    return new ParcelRequest(weight, dimensions(node.get("dimensions"), path + ".dimensions"));
  }

  private static Dimensions dimensions(JsonNode node, String path) {
    if (JsonFields.absent(node)) {
      return null;
    }
    if (!node.isObject()) {
      throw new ValidationException(path + " must be an object");
    }
    JsonFields.allowOnly(node, path + ".", DIMENSION_FIELDS);
    String unit = JsonFields.optionalText(node.get("unit"), path + ".unit", 10);
    return new Dimensions(
        JsonFields.requiredNumber(node.get("length"), path + ".length"),
        JsonFields.requiredNumber(node.get("width"), path + ".width"),
        JsonFields.requiredNumber(node.get("height"), path + ".height"),
        unit == null ? LengthUnit.IN : LengthUnit.fromWireName(unit));
  }
}
