package com.ostore.shipping.sandbox.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The carriers' published API contracts as a test oracle: checks a request body against the
 * request-body schema of an operation in the vendored OpenAPI documents and returns the validator's
 * violations (empty when the body conforms). Formats are asserted and readOnly properties may not be
 * sent, as OpenAPI 3.0 says for requests. Thread-safe; load it once with {@link #published()}.
 */
public final class CarrierContracts {
  static final String BASE_IRI = "https://carrier-contracts.ostore.invalid/";
  static final String JSON = "application/json";
  static final String FORM = "application/x-www-form-urlencoded";

  private final List<ContractOperation> operations;
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private CarrierContracts(ContractDocuments documents) {
    this.operations = documents.operations();
    Map<String, String> byIri = new LinkedHashMap<>();
    for (PublishedContract contract : PublishedContract.values()) {
      byIri.put(BASE_IRI + contract.resource(), documents.json(contract));
    }
    // exclusiveMinimum/-Maximum are draft-4 booleans that minimum/maximum read; as keywords of their own
    // they only make the validator warn that it does not know them.
    Dialect openApi30 = Dialect.builder(Dialects.getOpenApi30())
        .keyword(new NonValidationKeyword("exclusiveMinimum"))
        .keyword(new NonValidationKeyword("exclusiveMaximum"))
        .build();
    this.registry = SchemaRegistry.withDialect(openApi30, builder -> builder.schemas(byIri));
  }

  /** The vendored documents with {@link PublishedErrata} applied, read and compiled once per JVM. */
  public static CarrierContracts published() {
    return Holder.INSTANCE;
  }

  /**
   * Compiles every request-body schema of the carrier's operations now, so that the first request a
   * simulator checks is not slowed by it (the Ship schema takes seconds to compile).
   */
  public CarrierContracts warmUp(Carrier carrier) {
    for (ContractOperation operation : operations) {
      if (operation.contract().carrier() == carrier) {
        for (String mediaType : operation.requestMediaTypes()) {
          if (mediaType.equals(JSON) || mediaType.equals(FORM)) {
            schemas.computeIfAbsent(operation.fullPath() + " " + operation.method() + " " + mediaType,
                key -> load(operation, mediaType));
          }
        }
      }
    }
    return this;
  }

  /** The documents with only these errata applied: {@code List.of()} reads them exactly as published. */
  public static CarrierContracts withErrata(List<Erratum> errata) {
    return new CarrierContracts(new ContractDocuments(errata));
  }

  /** Violations of a JSON body sent to the operation with that id (among operations that take a body). */
  public List<ContractViolation> checkJson(Carrier carrier, String operationId, String body) {
    return validateText(operation(carrier, operationId), body);
  }

  /** Violations of a JSON body sent as {@code method path} (the full path, e.g. {@code /labels/v3/label}). */
  public List<ContractViolation> checkJson(Carrier carrier, String method, String path, String body) {
    return validateText(find(carrier, method, path).orElseThrow(() -> unknown(carrier, method + " " + path)), body);
  }

  /** Violations of a form-encoded body (OAuth token requests), its fields read as strings. */
  public List<ContractViolation> checkForm(Carrier carrier, String operationId, Map<String, String> fields) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    fields.forEach(body::put);
    return validate(operation(carrier, operationId), FORM, body);
  }

  /**
   * Violations of a request as it arrives on the wire (what a simulator checks): the operation is found
   * by method and path, the body read as form fields or JSON by its content type. A request for an
   * operation the documents do not declare, or one that takes no body, has nothing to check.
   */
  public List<ContractViolation> checkRequest(
      Carrier carrier, String method, String path, String contentType, String body) {
    Optional<ContractOperation> found = find(carrier, method, path);
    if (found.isEmpty() || !found.get().hasRequestBody()) {
      return List.of();
    }
    ContractOperation operation = found.get();
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith(FORM)) {
      if (!operation.requestMediaTypes().contains(FORM)) {
        return List.of(new ContractViolation("/", "contentType", FORM + " is not accepted; send "
            + operation.requestMediaTypes()));
      }
      ObjectNode fields = JsonNodeFactory.instance.objectNode();
      RequestBodies.formFields(body).forEach(fields::put);
      return validate(operation, FORM, fields);
    }
    if (!operation.requestMediaTypes().contains(JSON)) {
      return List.of(new ContractViolation("/", "contentType", "'" + contentType + "' is not accepted; send "
          + operation.requestMediaTypes()));
    }
    return validateText(operation, body);
  }

  /** The operation a request {@code method path} is for, if the carrier's documents declare one. */
  public Optional<ContractOperation> find(Carrier carrier, String method, String path) {
    return operations.stream()
        .filter(operation -> operation.contract().carrier() == carrier && operation.matches(method, path))
        .findFirst();
  }

  /** The operation with that operationId that takes a request body. */
  public ContractOperation operation(Carrier carrier, String operationId) {
    List<ContractOperation> matching = operations.stream()
        .filter(operation -> operation.contract().carrier() == carrier && operation.hasRequestBody())
        .filter(operation -> operation.operationId().equals(operationId))
        .toList();
    if (matching.size() != 1) {
      throw matching.isEmpty() ? unknown(carrier, operationId)
          : new IllegalArgumentException(carrier + " operationId '" + operationId + "' is ambiguous: " + matching);
    }
    return matching.get(0);
  }

  private List<ContractViolation> validateText(ContractOperation operation, String body) {
    JsonNode json;
    try {
      json = RequestBodies.parse(body);
    } catch (RequestBodies.NotJson e) {
      return List.of(new ContractViolation("/", "syntax", e.getMessage()));
    }
    return validate(operation, JSON, json);
  }

  private List<ContractViolation> validate(ContractOperation operation, String mediaType, JsonNode body) {
    if (!operation.requestMediaTypes().contains(mediaType)) {
      throw new IllegalArgumentException(operation.operationId() + " does not take " + mediaType
          + " but " + operation.requestMediaTypes());
    }
    Schema schema = schemas.computeIfAbsent(operation.fullPath() + " " + operation.method() + " " + mediaType,
        key -> load(operation, mediaType));
    List<Error> errors = schema.validate(body, RequestBodies::asRequest);
    // A failed oneOf reports each branch's complaint; the same complaint twice says nothing new.
    return errors.stream().map(RequestBodies::violation).distinct().toList();
  }

  private Schema load(ContractOperation operation, String mediaType) {
    Schema schema = registry.getSchema(SchemaLocation.of(BASE_IRI + operation.contract().resource()
        + "#" + RequestBodies.fragment(operation.requestSchemaPointer(mediaType))));
    schema.initializeValidators();
    return schema;
  }

  private static IllegalArgumentException unknown(Carrier carrier, String what) {
    return new IllegalArgumentException("no published " + carrier + " operation " + what);
  }

  private static final class Holder {
    private static final CarrierContracts INSTANCE = withErrata(PublishedErrata.all());
  }
}
