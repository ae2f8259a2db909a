package flynn.host.net;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.host.run.JobLimits;
import flynn.host.run.OutputSink;
import flynn.host.run.RunningJob;
import flynn.host.runc.Command;
import flynn.host.runc.ContainerFixture;
import flynn.host.runc.Tools;
import flynn.host.stack.AptSources;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The firewall with real containers on a bridge and nft table of the test's own: what a job can and
 * cannot connect to on the host, other jobs, and the outside.
 */
class JobNetworkIT {
  private static final JobLimits LIMITS = JobLimits.defaults();

  @TempDir Path temp;
  private ContainerFixture containers;
  private Firewall firewall;
  private FirewallConfig config;
  private final List<ServerSocket> listeners = new ArrayList<>();
  private final Queue<String> lines = new ConcurrentLinkedQueue<>();
  private final OutputSink sink = (stream, line) -> lines.add(line);

  @BeforeEach
  void setUp() throws Exception {
    containers = ContainerFixture.create(temp);
    String table = "flynn_it_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20));
    config =
        new FirewallConfig(
            table,
            containers.network(),
            List.of(listen(), listen()),
            FirewallConfig.DEFAULT_TCP_ROUTES,
            false);
    firewall = new Firewall(config, temp.resolve("host-state"));
    firewall.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    for (ServerSocket listener : listeners) {
      listener.close();
    }
    if (firewall != null) {
      firewall.close();
    }
    if (containers != null) {
      containers.close();
    }
  }

  @Test
  void aJobReachesTheRouterPortsButNoOtherPortOnAnyHostAddress() throws Exception {
    int privatePort = listen(); // like the controller: every address, not a router port
    List<String> hostAddresses = new ArrayList<>(List.of(containers.network().gateway()));
    hostAddresses.addAll(otherHostAddresses());
    StringBuilder script = new StringBuilder();
    for (String address : hostAddresses) {
      script.append(probe(address, privatePort));
      for (int port : config.routerPorts()) {
        script.append(probe(address, port));
      }
    }

    runToCompletion(script.toString());

    for (String address : hostAddresses) {
      assertThat(lines).contains("closed " + address + ":" + privatePort);
      for (int port : config.routerPorts()) {
        assertThat(lines).contains("open " + address + ":" + port);
      }
    }
  }

  @Test
  void aJobReachesAnotherJobsPort() throws Exception {
    RunningJob server =
        containers.start(
            "echo hello-from-job > /data/index.html && exec httpd -f -p 8080 -h /data",
            LIMITS,
            (stream, line) -> {});
    String ip = server.ip().orElseThrow();

    runToCompletion(
        "for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O - http://"
            + ip
            + ":8080/index.html && exit 0; sleep 0.2; done");

    assertThat(lines).contains("hello-from-job");
  }

  @Test
  void aJobResolvesAndFetchesFromTheHostsAptMirror() throws Exception {
    String mirror = aptMirror();

    runToCompletion("wget -q --spider " + mirror + " && echo fetched");

    assertThat(lines).contains("fetched");
  }

  @Test
  void closingRemovesTheTableAndStartingAgainReplacesOneLeftBehind() throws Exception {
    Firewall crashed = new Firewall(config, temp.resolve("host-state"));
    crashed.start(); // as if a daemon died with its table installed: the new one replaces it
    assertThat(tableCount(config.table())).isEqualTo(1);

    firewall.close();
    crashed.close();

    assertThat(tableCount(config.table())).isZero();
  }

  private void runToCompletion(String script) throws Exception {
    RunningJob job = containers.start(script, LIMITS, sink);
    assertThat(job.exit().get(30, TimeUnit.SECONDS)).as("job output: %s", lines).isZero();
  }

  /** Prints {@code open|closed address:port}; a dropped connection times out after 1 s. */
  private static String probe(String address, int port) {
    String target = address + " " + port;
    String label = address + ":" + port;
    return "if nc -w 1 %s </dev/null; then echo open %s; else echo closed %s; fi; "
        .formatted(target, label, label);
  }

  /** Listens on every address and closes each connection at once; returns the port. */
  private int listen() throws IOException {
    ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"));
    listeners.add(listener);
    Thread.ofVirtual()
        .name("it-listener-" + listener.getLocalPort())
        .start(() -> {
          while (!listener.isClosed()) {
            try {
              listener.accept().close(); // accepted: that is all a probe needs
            } catch (IOException e) {
              return; // closed by tearDown
            }
          }
        });
    return listener.getLocalPort();
  }

  /** The host's IPv4 addresses outside loopback and the job bridges. */
  private List<String> otherHostAddresses() throws IOException {
    List<String> addresses = new ArrayList<>();
    for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
      if (nic.isLoopback() || !nic.isUp() || nic.getName().startsWith("flynn")) {
        continue;
      }
      nic.inetAddresses()
          .filter(Inet4Address.class::isInstance)
          .forEach(a -> addresses.add(a.getHostAddress()));
    }
    return addresses;
  }

  /**
   * The first http mirror of the host's apt sources, read now so no mirror is named in the code.
   */
  private static String aptMirror() throws IOException {
    return AptSources.read(Path.of("/etc/apt")).stream()
        .filter(source -> source.types().contains("deb"))
        .flatMap(source -> source.uris().stream())
        .filter(uri -> uri.startsWith("http://"))
        .map(uri -> uri.endsWith("/") ? uri : uri + "/")
        .findFirst()
        .orElseThrow(() -> new AssertionError("the host's apt sources name no http mirror"));
  }

  private static int tableCount(String table) throws IOException {
    String tables = Command.check(List.of(Tools.find("nft"), "list", "tables")).stdout();
    return (int) tables.lines().filter(line -> line.strip().equals("table inet " + table)).count();
  }
}
