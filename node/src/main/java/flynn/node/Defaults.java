package flynn.node;

import java.nio.file.Path;

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
      RunnerChoice runner) {
    boolean root = runningAsRoot();
    Path home = Path.of(System.getProperty("user.home"));
    Path state =
        stateDir != null ? stateDir : root ? Path.of("/var/lib/flynn") : home.resolve(".flynn");
    String rc = System.getenv("FLYNNRC");
    return new NodeConfig(
        state.toAbsolutePath(),
        domain,
        clusterName,
        controllerPort,
        httpPort != null ? httpPort : root ? 80 : 8080,
        httpsPort != null ? httpsPort : root ? 443 : 8443,
        rc != null && !rc.isBlank() ? Path.of(rc) : home.resolve(".flynnrc"),
        RunnerChoice.choose(runner, RunnerChoice.thisMachine()));
  }

  static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
