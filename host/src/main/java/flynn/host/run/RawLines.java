package flynn.host.run;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns an attached job's raw output chunks back into log lines: cut at newlines (a terminal's
 * carriage returns dropped) and at {@link LineSplitter#MAX_LINE_BYTES}. Thread-safe.
 */
public final class RawLines implements Stdio.RawSink {
  private final OutputSink lines;
  private final int maxBytes;
  private final Map<StdStream, ByteArrayOutputStream> pending = new EnumMap<>(StdStream.class);

  public RawLines(OutputSink lines) {
    this(lines, LineSplitter.MAX_LINE_BYTES);
  }

  RawLines(OutputSink lines, int maxBytes) {
    this.lines = lines;
    this.maxBytes = maxBytes;
  }

  @Override
  public synchronized void write(StdStream stream, byte[] bytes, int length) {
    ByteArrayOutputStream line = pending.computeIfAbsent(stream, s -> new ByteArrayOutputStream());
    for (int i = 0; i < length; i++) {
      byte b = bytes[i];
      if (b == '\n') {
        emit(stream, line);
      } else if (b != '\r') {
        if (line.size() == maxBytes) {
          emit(stream, line);
        }
        line.write(b);
      }
    }
  }

  /** Passes on what is left without a newline (the job ended). */
  public synchronized void flush() {
    pending.forEach((stream, line) -> {
      if (line.size() > 0) {
        emit(stream, line);
      }
    });
  }

  private void emit(StdStream stream, ByteArrayOutputStream line) {
    lines.line(stream, line.toString(StandardCharsets.UTF_8));
    line.reset();
  }
}
