package flynn.node;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flynn-host}: runs this machine's part of a cluster. */
@Command(
    name = "flynn-host",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    subcommands = {Main.Up.class, StackCommand.class},
    description = "Runs a Flynn cluster on this machine.")
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // Helidon and ZooKeeper log through java.util.logging: route it to the one log.
    org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
    org.slf4j.bridge.SLF4JBridgeHandler.install();
    int code =
        new CommandLine(new Main())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setExecutionExceptionHandler((e, cmd, parsed) -> {
              cmd.getErr().println("flynn-host: " + e.getMessage());
              return 1;
            })
            .execute(args);
    System.exit(code);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "up", description = "Start a whole cluster on this machine and keep it running.")
  static final class Up implements Callable<Integer> {
    @Option(
        names = "--state-dir",
        description = "Where state is kept (default /var/lib/flynn as root, ~/.flynn otherwise).")
    Path stateDir;

    @Option(
        names = "--domain",
        defaultValue = "localhost",
        description = "Cluster domain (default ${DEFAULT-VALUE}).")
    String domain;

    @Option(
        names = "--cluster-name",
        defaultValue = "default",
        description = "Name of the cluster entry in the CLI config (default ${DEFAULT-VALUE}).")
    String clusterName;

    @Option(
        names = "--controller-port",
        defaultValue = "8081",
        description = "Controller API port (default ${DEFAULT-VALUE}).")
    int controllerPort;

    @Option(
        names = "--http-port",
        description = "Router HTTP port (default 80 as root, 8080 otherwise).")
    Integer httpPort;

    @Option(
        names = "--https-port",
        description = "Router HTTPS port (default 443 as root, 8443 otherwise).")
    Integer httpsPort;

    @Option(
        names = "--git-port",
        defaultValue = "5002",
        description =
            "gitreceive's direct port for git push (default ${DEFAULT-VALUE}); also routed at"
                + " http://git.<domain>:<http-port>.")
    int gitPort;

    @Option(
        names = "--runner",
        paramLabel = "runc|process",
        description =
            "How jobs run: runc containers (default as root with runc on the PATH) or plain"
                + " processes (the default otherwise).")
    RunnerChoice runner;

    @Option(
        names = "--stack-dir",
        description =
            "Where the stack images jobs run in are built and kept (default <state-dir>/stacks).")
    Path stackDir;

    @Option(
        names = "--build-stack",
        negatable = true,
        defaultValue = "true",
        fallbackValue = "true",
        description =
            "Build the build stack (git push builds run in it; minutes and several hundred MB,"
                + " once) in the background as soon as the cluster is ready (default on; with"
                + " --no-build-stack the first git push builds it and waits).")
    boolean buildStack;

    @Option(
        names = "--router-api-port",
        defaultValue = "0",
        description =
            "Router API port, for drain waits and metrics (default: a free one; hosts find it in"
                + " discoverd as router-api).")
    int routerApiPort;

    @Option(
        names = "--router-transport",
        paramLabel = "io_uring|epoll|nio",
        description =
            "The router's socket transport (default: io_uring where the kernel allows it, else"
                + " epoll).")
    String routerTransport;

    @Option(
        names = "--drain-timeout",
        defaultValue = "10",
        paramLabel = "SECONDS",
        description =
            "How long stopping a routed job waits at most for the routers to finish its requests"
                + " (default ${DEFAULT-VALUE}).")
    int drainTimeoutSeconds;

    @Override
    public Integer call() throws Exception {
      NodeConfig config =
          Defaults.resolve(
              stateDir,
              domain,
              clusterName,
              controllerPort,
              httpPort,
              httpsPort,
              runner,
              stackDir,
              buildStack,
              gitPort,
              routerApiPort,
              routerTransport,
              Duration.ofSeconds(drainTimeoutSeconds));
      Node node = new Node(config);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    node.close();
                    stopped.countDown();
                  },
                  "flynn-host-shutdown"));
      try {
        node.start();
      } catch (RuntimeException e) {
        node.close();
        throw e;
      }
      PrintWriter out = new PrintWriter(System.out, true);
      out.println("flynn-host: cluster ready " + config.controllerUrl());
      stopped.await();
      return 0;
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"flynn-host " + (v == null ? "dev" : v)};
    }
  }
}
