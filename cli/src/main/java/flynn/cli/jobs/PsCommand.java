package flynn.cli.jobs;

import flynn.api.controller.Job;
import flynn.cli.Session;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flynn ps [-a] [-c] [-q] [-t <type>]}. */
@Command(name = "ps", description = "List jobs (pending, starting and up unless -a).")
public final class PsCommand implements Callable<Integer> {
  @Option(
      names = {"-a", "--all"},
      description = "show all jobs (default is active ones)")
  boolean all;

  @Option(
      names = {"-c", "--command"},
      description = "show command")
  boolean command;

  @Option(
      names = {"-q", "--quiet"},
      description = "only display IDs")
  boolean quiet;

  @Option(
      names = {"-t", "--type"},
      paramLabel = "<type>",
      description = "show jobs of type <type>")
  String type;

  @Option(names = "--json", description = "print the jobs as JSON")
  boolean json;

  private final Session session;

  public PsCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    List<Job> jobs = JobList.select(session.client().jobs().list(session.app()), all, type);
    if (json) {
      session.printJson(jobs);
    } else if (quiet) {
      jobs.forEach(j -> session.println(JobList.idOf(j)));
    } else {
      session.print(JobList.table(jobs, command, session.now()));
    }
    return 0;
  }
}
