package flynn.cli.cluster;

import flynn.api.config.FlynnRc;
import flynn.cli.Session;
import flynn.cli.output.Table;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code flynn cluster default [<name>]}: shows or sets the default cluster. */
@Command(
    name = "default",
    description = "With no arguments, prints the default cluster; with a name, sets it.")
final class ClusterDefaultCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "<cluster-name>")
  String name;

  private final Session session;

  ClusterDefaultCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    FlynnRc rc = session.config();
    if (name == null) {
      Table t = new Table().row("NAME", "URL");
      rc.cluster(rc.defaultName()).ifPresent(c -> t.row(c.name(), c.controllerUrl(), "(default)"));
      session.print(t.render());
      return 0;
    }
    session.saveConfig(rc.withDefault(name));
    session.info("\"" + name + "\" is now the default cluster.");
    return 0;
  }
}
