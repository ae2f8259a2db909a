package flynn.cli.jobs;

import flynn.api.controller.Job;
import flynn.api.controller.NewJob;
import flynn.cli.CliException;
import flynn.cli.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flynn run -d [-r <release>] [-e <entrypoint>] <command> [<argument>...]}. */
@Command(
    name = "run",
    description = "Run a one-off job. Only detached runs (-d) are supported for now.")
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
  public Integer call() {
    if (!detached) {
      throw new CliException(
          "interactive run is not supported yet: use -d to run the job detached"
              + " (flynn run -d CMD), then flynn log -j JOB");
    }
    String app = session.app();
    String releaseId = release != null ? release : currentRelease(app);
    Job job = session.client().jobs().run(app, newJob(releaseId, args()));
    session.println(JobList.idOf(job));
    return 0;
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
