package flynn.host.run;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts an output stream into lines, and lines longer than {@link #MAX_LINE_BYTES} into pieces of at
 * most that size (never inside a UTF-8 character), as Flynn's log mux does.
 */
public final class LineSplitter {
  /** Flynn splits log lines at 10 KB so one chatty job cannot make a huge log message. */
  public static final int MAX_LINE_BYTES = 10 * 1024;

  private final int maxBytes;

  public LineSplitter() {
    this(MAX_LINE_BYTES);
  }

  LineSplitter(int maxBytes) {
    if (maxBytes < 4) {
      throw new IllegalArgumentException("maxBytes must hold one UTF-8 character: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** Reads {@code in} to its end, passing each line (without its newline) to {@code lines}. */
  public void split(InputStream in, Consumer<String> lines) throws IOException {
    InputStream src = in instanceof BufferedInputStream ? in : new BufferedInputStream(in);
    byte[] buf = new byte[maxBytes];
    int len = 0;
    int b;
    while ((b = src.read()) != -1) {
      if (b == '\n') {
        lines.accept(decode(buf, len));
        len = 0;
        continue;
      }
      if (len == maxBytes) {
        int cut = boundary(buf, len);
        lines.accept(decode(buf, cut));
        System.arraycopy(buf, cut, buf, 0, len - cut);
        len -= cut;
      }
      buf[len++] = (byte) b;
    }
    if (len > 0) {
      lines.accept(decode(buf, len));
    }
  }

  /**
   * Where to cut the first {@code len} bytes so no UTF-8 character is split: {@code len} itself
   * unless the bytes end inside a multi-byte character, then that character's first byte.
   */
  static int boundary(byte[] buf, int len) {
    int lead = len - 1;
    while (lead > 0 && lead > len - 4 && isContinuation(buf[lead])) {
      lead--;
    }
    int needed = sequenceLength(buf[lead]);
    if (needed <= 1 || lead + needed <= len) {
      return len;
    }
    return lead == 0 ? len : lead;
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }

  private static int sequenceLength(byte b) {
    if ((b & 0x80) == 0) {
      return 1;
    }
    if ((b & 0xE0) == 0xC0) {
      return 2;
    }
    if ((b & 0xF0) == 0xE0) {
      return 3;
    }
    return (b & 0xF8) == 0xF0 ? 4 : 1;
  }

  private static String decode(byte[] buf, int len) {
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }
}
