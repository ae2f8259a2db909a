package flynn.host.run;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The last lines a job wrote (both streams), kept so a crash can be reported with them. Bounded:
 * {@code maxLines} lines of at most {@link #MAX_LINE} characters each.
 */
public final class OutputTail implements OutputSink {
  /** How many lines a crash report shows. */
  public static final int LINES = 10;

  static final int MAX_LINE = 200;

  private final int maxLines;
  private final Deque<String> lines = new ArrayDeque<>();

  public OutputTail(int maxLines) {
    this.maxLines = maxLines;
  }

  @Override
  public synchronized void line(StdStream stream, String text) {
    String line = printable(text).strip();
    if (line.isEmpty()) {
      return;
    }
    lines.addLast(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "..." : line);
    if (lines.size() > maxLines) {
      lines.removeFirst();
    }
  }

  /** The line without control characters: binary output (a tar on stdout) is not a report. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LINE + 1));
    for (int i = 0; i < text.length() && out.length() <= MAX_LINE; i++) {
      char c = text.charAt(i);
      if (c == '\t' || !Character.isISOControl(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The kept lines, oldest first, one per line; empty when the job wrote nothing. */
  public synchronized String text() {
    return String.join("\n", lines);
  }
}
