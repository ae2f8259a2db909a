package flynn.builder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugrunnerTest {
  @Test
  void commandIsPassedAsAnArgumentNotSplicedIntoTheScript() {
    String command = "node server.js --name \"it's $PORT\"";

    assertThat(Slugrunner.args(command))
        .containsExactly("/bin/bash", "-c", Slugrunner.INIT, "slugrunner", command);
  }
}
