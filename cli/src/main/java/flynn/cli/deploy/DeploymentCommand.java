package flynn.cli.deploy;

import flynn.api.controller.Deployment;
import flynn.cli.Session;
import flynn.cli.output.HumanTime;
import flynn.cli.output.Table;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flynn deployment}: the app's deployments, newest first; settings below. */
@Command(
    name = "deployment",
    description = {
      "Manage app deployments. With no arguments, lists them, newest first.",
      "timeout, batch-size and strategy get or set how the app's releases are deployed."
    })
public final class DeploymentCommand implements Callable<Integer> {
  @Option(names = "--json", description = "print the deployments as JSON")
  boolean json;

  private final Session session;

  DeploymentCommand(Session session) {
    this.session = session;
  }

  public static CommandLine commandLine(Session session) {
    CommandLine cl = new CommandLine(new DeploymentCommand(session));
    cl.addSubcommand(new DeployTimeoutCommand(session));
    cl.addSubcommand(new DeployBatchSizeCommand(session));
    cl.addSubcommand(new DeployStrategyCommand(session));
    return cl;
  }

  @Override
  public Integer call() {
    List<Deployment> deployments =
        newestFirst(session.client().deployments().list(session.appRecord().id()));
    if (json) {
      session.printJson(deployments);
    } else {
      session.print(table(deployments, session.now()));
    }
    return 0;
  }

  static List<Deployment> newestFirst(List<Deployment> deployments) {
    return deployments.stream()
        .sorted(
            Comparator.comparing(
                    Deployment::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .reversed())
        .toList();
  }

  static String table(List<Deployment> deployments, Instant now) {
    Table t = new Table().row("ID", "STATUS", "RELEASE", "STRATEGY", "CREATED", "FINISHED");
    deployments.forEach(d ->
        t.row(
            d.id(),
            d.status(),
            (d.oldRelease() == null ? "-" : d.oldRelease()) + " -> " + d.newRelease(),
            d.strategy(),
            HumanTime.ago(d.createdAt(), now),
            HumanTime.ago(d.finishedAt(), now)));
    return t.render();
  }
}
