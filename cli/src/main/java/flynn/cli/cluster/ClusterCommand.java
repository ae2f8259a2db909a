package flynn.cli.cluster;

import flynn.api.config.Cluster;
import flynn.api.config.FlynnRc;
import flynn.cli.Session;
import flynn.cli.output.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flynn cluster}: lists the clusters of the config file. */
@Command(
    name = "cluster",
    description = "Manage clusters. With no arguments, lists the configured clusters.")
public final class ClusterCommand implements Callable<Integer> {
  @Option(names = "--json", description = "print the clusters as JSON (keys omitted)")
  boolean json;

  private final Session session;

  ClusterCommand(Session session) {
    this.session = session;
  }

  public static CommandLine commandLine(Session session) {
    CommandLine cl = new CommandLine(new ClusterCommand(session));
    cl.addSubcommand(new ClusterAddCommand(session));
    cl.addSubcommand(new ClusterRemoveCommand(session));
    cl.addSubcommand(new ClusterDefaultCommand(session));
    return cl;
  }

  @Override
  public Integer call() {
    FlynnRc rc = session.config();
    if (json) {
      session.printJson(rc.clusters().stream().map(c -> view(c, rc.defaultName())).toList());
      return 0;
    }
    session.print(table(rc));
    return 0;
  }

  static String table(FlynnRc rc) {
    Table t = new Table().row("NAME", "CONTROLLER URL", "GIT URL", "IMAGE URL");
    for (Cluster c : rc.clusters()) {
      List<Object> row =
          new java.util.ArrayList<>(
              List.of(c.name(), c.controllerUrl(), orNone(c.gitUrl()), orNone(c.imageUrl())));
      if (c.name().equals(rc.defaultName())) {
        row.add("(default)");
      }
      t.row(row);
    }
    return t.render();
  }

  /** Flynn's JSON names for a cluster, without its key. */
  static Map<String, Object> view(Cluster c, String defaultName) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", c.name());
    m.put("tls_pin", c.tlsPin());
    m.put("controller_url", c.controllerUrl());
    m.put("git_url", c.gitUrl());
    m.put("image_url", c.imageUrl());
    m.put("default", c.name().equals(defaultName));
    return m;
  }

  private static String orNone(String url) {
    return url.isEmpty() ? "(none)" : url;
  }
}
