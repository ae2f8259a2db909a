package flynn.cli.jobs;

import flynn.api.controller.JobsClient;
import flynn.api.controller.NewJob;
import flynn.api.http.UpgradedConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * A one-off job run attached to the CLI's streams until it exits, for any command that runs one
 * ({@code flynn run}, the database consoles and dumps). With a TTY the user's terminal is raw for
 * the run and restored after it, also when the CLI is interrupted.
 */
public final class AttachedJob {
  /** The user's terminal as a job's TTY: its size and {@code TERM}. */
  public record Tty(int rows, int columns, String term) {}

  private AttachedJob() {}

  /** The user's terminal, when both stdin and stdout are one. */
  public static Optional<Tty> terminal(String term) {
    if (!Terminal.attached()) {
      return Optional.empty();
    }
    int[] size = Terminal.size().orElse(new int[] {0, 0});
    return Optional.of(new Tty(size[0], size[1], term == null ? "xterm" : term));
  }

  /** Runs {@code job} in {@code app} and relays its streams; returns its exit status. */
  public static int run(
      JobsClient jobs,
      String app,
      NewJob job,
      InputStream stdin,
      OutputStream stdout,
      OutputStream stderr)
      throws IOException {
    boolean tty = Boolean.TRUE.equals(job.tty());
    try (UpgradedConnection conn = jobs.runAttached(app, job)) {
      Optional<String> saved = tty ? Terminal.makeRaw() : Optional.empty();
      Thread restore = new Thread(() -> saved.ifPresent(Terminal::restore), "run-restore-tty");
      Runtime.getRuntime().addShutdownHook(restore);
      try {
        return new AttachedRun(conn).run(stdin, stdout, stderr, tty);
      } finally {
        saved.ifPresent(Terminal::restore);
        Runtime.getRuntime().removeShutdownHook(restore);
      }
    }
  }
}
