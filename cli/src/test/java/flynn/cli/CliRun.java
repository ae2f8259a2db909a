package flynn.cli;

import flynn.api.config.Cluster;
import flynn.api.config.FlynnRc;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The CLI run in-process against a controller URL, as the tests of its commands need it. */
public final class CliRun {
  /** A terminal that is not there: nothing is interactive, every prompt reads nothing. */
  public static final Prompter NO_TERMINAL =
      new Prompter() {
        @Override
        public boolean interactive() {
          return false;
        }

        @Override
        public String readLine(String prompt) {
          return null;
        }
      };

  private CliRun() {}

  /** What a run printed and how it exited. */
  public record Result(int exit, String out, String err) {}

  /**
   * Runs {@code flynn ARGS} in {@code dir} with a config there naming the cluster {@code test} at
   * {@code controllerUrl} (key {@code key}).
   */
  public static Result flynn(Path dir, String controllerUrl, String... args) {
    Path rc = dir.resolve("flynnrc");
    FlynnRc.upsertCluster(rc, Cluster.of("test", "key", "", controllerUrl, "", ""), true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Io io =
        new Io(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            NO_TERMINAL,
            Clock.systemDefaultZone());
    Environment env = new Environment(Map.of("FLYNNRC", rc.toString()), dir, dir);
    int exit = Main.run(args, io, env);
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
