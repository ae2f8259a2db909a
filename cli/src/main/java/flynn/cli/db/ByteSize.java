package flynn.cli.db;

import java.util.List;
import java.util.Locale;

/** A byte count as people read it: {@code 512 B}, {@code 1.5 KiB}, {@code 20.0 MiB}. */
final class ByteSize {
  private static final List<String> UNITS = List.of("KiB", "MiB", "GiB", "TiB");

  private ByteSize() {}

  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < UNITS.size() - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS.get(unit));
  }
}
