package com.ostore.shipping.sandbox.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The vendored documents read from the classpath, with their errata applied and normalized. */
final class ContractDocuments {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final ObjectMapper YAML = YAMLMapper.builder().build();

  private final Map<PublishedContract, ObjectNode> documents = new EnumMap<>(PublishedContract.class);
  private final List<ContractOperation> operations = new ArrayList<>();

  ContractDocuments(List<Erratum> errata) {
    for (PublishedContract contract : PublishedContract.values()) {
      ObjectNode document = read(contract);
      errata.stream().filter(erratum -> erratum.contract() == contract)
          .forEach(erratum -> erratum.patch().accept(document));
      OpenApi30Normalizer.normalize(document);
      documents.put(contract, document);
      operations.addAll(operationsOf(contract, document));
    }
  }

  List<ContractOperation> operations() {
    return List.copyOf(operations);
  }

  /** The normalized document as JSON text, for the schema registry. */
  String json(PublishedContract contract) {
    return JSON.writeValueAsString(documents.get(contract));
  }

  private static ObjectNode read(PublishedContract contract) {
    try (InputStream in = ContractDocuments.class.getClassLoader().getResourceAsStream(contract.resource())) {
      if (in == null) {
        throw new IllegalStateException("missing vendored contract " + contract.resource());
      }
      return (ObjectNode) (contract.isYaml() ? YAML : JSON).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<ContractOperation> operationsOf(PublishedContract contract, JsonNode document) {
    String basePath = basePath(document.path("servers").path(0).path("url").asString("/"));
    List<ContractOperation> found = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        if (METHODS.contains(method.getKey())) {
          JsonNode operation = method.getValue();
          List<String> mediaTypes = new ArrayList<>(operation.path("requestBody").path("content").propertyNames());
          found.add(new ContractOperation(contract, method.getKey(), path.getKey(), basePath,
              operation.path("operationId").asString(""), mediaTypes));
        }
      }
    }
    return found;
  }

  private static String basePath(String serverUrl) {
    String path = URI.create(serverUrl).getPath();
    return path == null || path.equals("/") ? "" : path.replaceAll("/$", "");
  }
}
