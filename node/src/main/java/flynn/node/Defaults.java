package flynn.node;

import flynn.router.net.Transport;
import java.nio.file.Path;
import java.time.Duration;

/** Flag defaults that depend on who runs flynn-host: root gets system paths and ports. */
final class Defaults {
  private Defaults() {}

  static NodeConfig resolve(
      Path stateDir,
      String domain,
      String clusterName,
      int controllerPort,
      Integer httpPort,
      Integer httpsPort,
      RunnerChoice runner,
      Path stackDir,
      boolean buildStack,
      int gitPort,
      int routerApiPort,
      String routerTransport,
      Duration drainTimeout) {
    boolean root = runningAsRoot();
    Path home = Path.of(System.getProperty("user.home"));
    Path state = stateDir(stateDir);
    String rc = System.getenv("FLYNNRC");
    return new NodeConfig(
        state,
        domain,
        clusterName,
        controllerPort,
        httpPort != null ? httpPort : root ? 80 : 8080,
        httpsPort != null ? httpsPort : root ? 443 : 8443,
        rc != null && !rc.isBlank() ? Path.of(rc) : home.resolve(".flynnrc"),
        RunnerChoice.choose(runner, RunnerChoice.thisMachine()),
        stackDir(stackDir, state),
        buildStack,
        gitPort,
        routerApiPort,
        routerTransport == null ? Transport.best() : Transport.named(routerTransport),
        drainTimeout);
  }

  /** The state dir asked for, or /var/lib/flynn as root and ~/.flynn otherwise. */
  static Path stateDir(Path stateDir) {
    Path home = Path.of(System.getProperty("user.home"));
    Path state =
        stateDir != null
            ? stateDir
            : runningAsRoot() ? Path.of("/var/lib/flynn") : home.resolve(".flynn");
    return state.toAbsolutePath();
  }

  /** The stack dir asked for, or {@code stacks} in the state dir. */
  static Path stackDir(Path stackDir, Path stateDir) {
    return (stackDir != null ? stackDir : stateDir.resolve("stacks")).toAbsolutePath();
  }

  static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
