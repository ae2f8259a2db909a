package flynn.host.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawLinesTest {
  private final List<String> lines = new ArrayList<>();
  private final RawLines raw = new RawLines((s, line) -> lines.add(s.wire() + ":" + line), 8);

  private void write(StdStream stream, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    raw.write(stream, bytes, bytes.length);
  }

  @Test
  void chunksBecomeLinesPerStreamWithoutTerminalCarriageReturns() {
    write(StdStream.STDOUT, "$ ec");
    write(StdStream.STDERR, "oops\n");
    write(StdStream.STDOUT, "ho hi\r\nhi\r\n$ ");
    raw.flush();

    assertThat(lines)
        .containsExactly("stderr:oops", "stdout:$ echo h", "stdout:i", "stdout:hi", "stdout:$ ");
  }
}
