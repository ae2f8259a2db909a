package flynn.gitreceive.build;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Cuts a byte stream into lines (without {@code \n} or {@code \r}) as the bytes arrive. */
final class LineSplitter {
  private static final int MAX_LINE = 16 * 1024;

  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private final Consumer<String> lines;

  LineSplitter(Consumer<String> lines) {
    this.lines = lines;
  }

  void accept(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '\n' || pending.size() >= MAX_LINE) {
        emit();
      }
      if (b != '\n') {
        pending.write(b);
      }
    }
  }

  /** Emits what is left after the last newline. */
  void finish() {
    if (pending.size() > 0) {
      emit();
    }
  }

  private void emit() {
    String line = pending.toString(StandardCharsets.UTF_8);
    pending.reset();
    lines.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
  }
}
