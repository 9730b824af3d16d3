package com.ostore.shipping.adapter.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The example messages in docs/events.md are valid under the published schema. */
class EventsDocumentationTest {
  private static final Path DOC = Path.of("..", "docs", "events.md");
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyExampleMessageInTheDocumentationConformsToTheSchema() throws IOException {
    List<String> examples = new ArrayList<>();
    Matcher matcher = JSON_BLOCK.matcher(Files.readString(DOC));
    while (matcher.find()) {
      examples.add(matcher.group(1));
    }

    assertThat(examples).hasSize(2);
    for (String example : examples) {
      assertThat(ShipmentEventSchema.violations(RecordAssertions.parse(example.getBytes(StandardCharsets.UTF_8))))
          .as(example).isEmpty();
    }
  }
}
