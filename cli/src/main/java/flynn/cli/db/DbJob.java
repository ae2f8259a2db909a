package flynn.cli.db;

import flynn.api.controller.NewJob;
import flynn.cli.jobs.AttachedJob.Tty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A client program of an appliance to run as a one-off job: its command line and env. */
record DbJob(List<String> args, Map<String, String> env) {
  /** Flynn's pager settings for the consoles. */
  static final Map<String, String> PAGER =
      Map.of(
          // less is not in every appliance's stack; psql runs its pager through sh
          "PAGER",
          "if command -v less >/dev/null; then exec less; else exec more; fi",
          "LESS",
          "--ignore-case --LONG-PROMPT --SILENT --tabs=4 --quit-if-one-screen --no-init"
              + " --quit-at-eof");

  DbJob {
    args = List.copyOf(args);
    env = Map.copyOf(env);
  }

  /** With {@link #PAGER} in its env, for an interactive console. */
  DbJob withPager() {
    Map<String, String> next = new LinkedHashMap<>(PAGER);
    next.putAll(env);
    return new DbJob(args, next);
  }

  /**
   * The job in the stack image {@code stackArtifact} alone: no release, so none of the app's env
   * reaches it, and its output stays out of the app's log (a dump is data, not log lines).
   */
  NewJob attached(String stackArtifact, Optional<Tty> tty) {
    Map<String, String> jobEnv = new LinkedHashMap<>(env);
    tty.ifPresent(t -> {
      jobEnv.put("COLUMNS", Integer.toString(t.columns()));
      jobEnv.put("LINES", Integer.toString(t.rows()));
      jobEnv.put("TERM", t.term());
    });
    return new NewJob(
        null,
        List.of(stackArtifact),
        false,
        args,
        jobEnv,
        null,
        tty.isPresent(),
        tty.map(Tty::columns).orElse(null),
        tty.map(Tty::rows).orElse(null),
        true,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
