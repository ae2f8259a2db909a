package flynn.controller.routes;

import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;

/** The ports TCP routes may listen on, both ends included. */
public record PortRange(int first, int last) {
  /** Flynn's router range. */
  public static final PortRange DEFAULT = new PortRange(3000, 3500);

  public PortRange {
    if (first <= 0 || last > 65535 || first > last) {
      throw new IllegalArgumentException("invalid port range " + first + "-" + last);
    }
  }

  public boolean contains(int port) {
    return port >= first && port <= last;
  }

  /** The lowest port of the range not in {@code used}, or empty when all are taken. */
  public OptionalInt lowestFree(Set<Integer> used) {
    return IntStream.rangeClosed(first, last).filter(p -> !used.contains(p)).findFirst();
  }

  @Override
  public String toString() {
    return first + "-" + last;
  }
}
