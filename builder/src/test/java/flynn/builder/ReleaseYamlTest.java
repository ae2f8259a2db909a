package flynn.builder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseYamlTest {
  @Test
  void defaultProcessTypesAreReadFromTheirBlock() {
    String yaml =
        """
        ---
        addons: []
        config_vars:
          PATH: /app/bin:/usr/bin
        default_process_types:
          web: npm start
          # a comment
          worker: "node worker.js --name \\"q\\""
          clock: 'bin/clock ''now'''
        """;

    assertThat(ReleaseYaml.defaultProcessTypes(yaml))
        .containsExactly(
            Map.entry("web", "npm start"),
            Map.entry("worker", "node worker.js --name \"q\""),
            Map.entry("clock", "bin/clock 'now'"));
  }

  @Test
  void nothingWhenTheBlockIsEmptyOrMissing() {
    assertThat(ReleaseYaml.defaultProcessTypes("---\ndefault_process_types: {}\n")).isEmpty();
    assertThat(ReleaseYaml.defaultProcessTypes("---\n")).isEmpty();
    assertThat(ReleaseYaml.defaultProcessTypes("")).isEmpty();
  }

  @Test
  void keysOfOtherBlocksAreNotProcessTypes() {
    String yaml = "config_vars:\n  web: not a process\ndefault_process_types:\n  web: bin/web\n";

    assertThat(ReleaseYaml.defaultProcessTypes(yaml)).containsExactly(Map.entry("web", "bin/web"));
  }
}
