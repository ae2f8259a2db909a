package flynn.cli.apps;

import flynn.api.config.Cluster;
import flynn.api.controller.App;
import flynn.api.controller.Release;
import flynn.cli.Session;
import flynn.cli.output.Table;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flynn info}: the app's name and git URL. */
@Command(name = "info", description = "Show information for an app.")
public final class InfoCommand implements Callable<Integer> {
  @Option(names = "--json", description = "print the app as JSON")
  boolean json;

  private final Session session;

  public InfoCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    App app = session.appRecord();
    if (json) {
      session.printJson(app);
      return 0;
    }
    session.println("=== " + app.name());
    Table t = new Table();
    Cluster cluster = session.cluster();
    Optional<Release> release = session.currentRelease(app.id());
    boolean gitDeploy =
        release.map(r -> r.meta() != null && "true".equals(r.meta().get("git"))).orElse(false);
    if (cluster.hasGit() && (release.isEmpty() || gitDeploy)) {
      t.row("Git URL:", cluster.gitUrlOf(app.name()));
    }
    release.ifPresent(r -> t.row("Release:", r.id()));
    session.print(t.render());
    return 0;
  }
}
