package flynn.host.stack;

/** Where a stack build reports what it is doing: one line per step and the tools' own output. */
@FunctionalInterface
public interface Progress {
  void line(String text);
}
