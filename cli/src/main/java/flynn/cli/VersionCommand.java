package flynn.cli;

import flynn.api.controller.Status;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code flynn version}: the CLI's version, and the controller's when it answers. */
@Command(name = "version", description = "Show the flynn CLI version (and the controller's).")
final class VersionCommand implements Callable<Integer> {
  private final Session session;

  VersionCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    session.println(CliVersion.current());
    controllerVersion().ifPresent(v -> session.println("controller: " + v));
    return 0;
  }

  private java.util.Optional<String> controllerVersion() {
    try {
      Status status = session.client().status();
      return java.util.Optional.ofNullable(status).map(Status::version).filter(v -> !v.isEmpty());
    } catch (RuntimeException unreachableOrUnconfigured) {
      return java.util.Optional.empty();
    }
  }
}
