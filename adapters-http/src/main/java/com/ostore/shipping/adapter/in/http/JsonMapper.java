package com.ostore.shipping.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper.Builder;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one Jackson configuration of the HTTP API: strict reading, ISO-8601 dates, no null fields. */
final class JsonMapper {
  private JsonMapper() {}

  static ObjectMapper create() {
    JsonFactory factory = JsonFactory.builder().streamReadConstraints(JsonLimits.constraints()).build();
    Builder builder = com.fasterxml.jackson.databind.json.JsonMapper.builder(factory)
        .addModule(new JavaTimeModule())
        // A repeated key or trailing garbage means the caller sent something other than they think.
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(JsonParser.Feature.ALLOW_COMMENTS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .serializationInclusion(JsonInclude.Include.NON_NULL);
    return builder.build();
  }
}
