package flynn.builder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcfileTest {
  @Test
  void typesKeepTheirOrderAndCommandsStayAsWritten() {
    String procfile =
        """
        # the app's processes
        web: bin/server --port "$PORT"

        worker:   python3 worker.py  \r
        release-tasks:npm run migrate
        """;

    assertThat(Procfile.parse(procfile))
        .containsExactly(
            entry("web", "bin/server --port \"$PORT\""),
            entry("worker", "python3 worker.py"),
            entry("release-tasks", "npm run migrate"));
  }

  @Test
  void linesOfAnotherShapeAreSkipped() {
    assertThat(Procfile.parse("  web: indented\nno colon here\nbad name: x\nempty:\n")).isEmpty();
  }

  @Test
  void aCommandMayHoldColons() {
    assertThat(Procfile.parse("web: curl http://localhost:$PORT/\n"))
        .containsEntry("web", "curl http://localhost:$PORT/");
  }

  private static java.util.Map.Entry<String, String> entry(String key, String value) {
    return java.util.Map.entry(key, value);
  }
}
