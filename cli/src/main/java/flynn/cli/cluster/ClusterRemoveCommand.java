package flynn.cli.cluster;

import flynn.api.config.FlynnRc;
import flynn.cli.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code flynn cluster remove}: removes a cluster from the config file. */
@Command(name = "remove", description = "Remove a cluster from ~/.flynnrc.")
final class ClusterRemoveCommand implements Callable<Integer> {
  @Parameters(paramLabel = "<cluster-name>")
  String name;

  private final Session session;

  ClusterRemoveCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    FlynnRc before = session.config();
    FlynnRc next = before.remove(name);
    session.saveConfig(next);
    if (before.defaultName().equals(name) && !next.defaultName().isEmpty()) {
      session.info(
          "Cluster \""
              + name
              + "\" removed and \""
              + next.defaultName()
              + "\" is now the default cluster.");
    } else {
      session.info("Cluster \"" + name + "\" removed.");
    }
    return 0;
  }
}
