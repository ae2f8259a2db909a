package flynn.cli;

import java.io.PrintStream;
import java.time.Clock;

/** Where a command writes, whom it asks, and what time it is. */
public record Io(PrintStream out, PrintStream err, Prompter prompter, Clock clock) {}
