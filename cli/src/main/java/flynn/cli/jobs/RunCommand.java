package flynn.cli.jobs;

import flynn.api.controller.Job;
import flynn.api.controller.NewJob;
import flynn.cli.CliException;
import flynn.cli.Session;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flynn run -d [-r <release>] [-e <entrypoint>] <command> [<argument>...]}. */
@Command(
    name = "run",
    description =
        "Run a one-off job: attached (a TTY when stdin is a terminal, else pipes; exits with"
            + " the job's exit status) or detached (-d).")
public final class RunCommand implements Callable<Integer> {
  @Option(
      names = {"-d", "--detached"},
      description = "run job without connecting io streams; prints the job ID")
  boolean detached;

  @Option(
      names = "-r",
      paramLabel = "<release>",
      description = "id of release to run (defaults to current app release)")
  String release;

  @Option(
      names = "-e",
      paramLabel = "<entrypoint>",
      description = "[DEPRECATED] put <entrypoint> before <command>")
  String entrypoint;

  @Option(
      names = {"-l", "--enable-log"},
      description = "send output to log streams (always on with -d)")
  boolean enableLog;

  @Parameters(index = "0", paramLabel = "<command>")
  String command;

  @Parameters(index = "1..*", paramLabel = "<argument>")
  List<String> arguments = new ArrayList<>();

  private final Session session;

  public RunCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() throws IOException {
    String app = session.app();
    String releaseId = release != null ? release : currentRelease(app);
    if (detached) {
      Job job = session.client().jobs().run(app, newJob(releaseId, args()));
      session.println(JobList.idOf(job));
      return 0;
    }
    return attached(app, releaseId);
  }

  private int attached(String app, String releaseId) throws IOException {
    boolean tty = Terminal.attached();
    int[] size = tty ? Terminal.size().orElse(new int[] {0, 0}) : new int[] {0, 0};
    NewJob req = attachedJob(releaseId, args(), tty, size, System.getenv("TERM"), !enableLog);
    return AttachedJob.run(session.client().jobs(), app, req, System.in, System.out, System.err);
  }

  /** Flynn's attached run: the terminal's size and TERM in its env when it has a TTY. */
  static NewJob attachedJob(
      String releaseId, List<String> args, boolean tty, int[] size, String term, boolean noLog) {
    Map<String, String> env = new LinkedHashMap<>();
    if (tty) {
      env.put("COLUMNS", Integer.toString(size[1]));
      env.put("LINES", Integer.toString(size[0]));
      env.put("TERM", term == null ? "xterm" : term);
    }
    return new NewJob(
        releaseId,
        null,
        true,
        args,
        env.isEmpty() ? null : env,
        null,
        tty,
        tty ? size[1] : null,
        tty ? size[0] : null,
        noLog,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  List<String> args() {
    List<String> args = new ArrayList<>();
    if (entrypoint != null) {
      session.info(
          "WARN: The -e flag is deprecated and will be removed in future versions, use <command>"
              + " as the entrypoint");
      args.add(entrypoint);
    }
    args.add(command);
    args.addAll(arguments);
    return args;
  }

  static NewJob newJob(String releaseId, List<String> args) {
    return new NewJob(
        releaseId, null, true, args, null, null, false, null, null, false, null, null, null, null,
        null, null);
  }

  private String currentRelease(String app) {
    return session
        .currentRelease(app)
        .orElseThrow(() -> new CliException("No app release, specify a release with -r"))
        .id();
  }
}
