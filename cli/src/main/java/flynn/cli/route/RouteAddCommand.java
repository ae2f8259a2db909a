package flynn.cli.route;

import flynn.cli.CliException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code flynn route add}: only a parent for {@code http} and {@code tcp}. */
@Command(name = "add", description = "Add a route to the app: http or tcp.")
final class RouteAddCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CliException("say which kind of route to add: http or tcp");
  }
}
