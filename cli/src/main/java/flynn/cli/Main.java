package flynn.cli;

import java.io.PrintStream;
import java.time.Clock;

/** The {@code flynn} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Io io = new Io(System.out, System.err, new TerminalPrompter(), Clock.systemDefaultZone());
    System.exit(run(args, io, Environment.current()));
  }

  /** Runs one command line and returns its exit code; never exits the JVM. */
  public static int run(String[] args, Io io, Environment env) {
    try {
      return Commands.commandLine(args, io, env).execute(args);
    } finally {
      flush(io.out());
      flush(io.err());
    }
  }

  private static void flush(PrintStream stream) {
    stream.flush();
  }
}
