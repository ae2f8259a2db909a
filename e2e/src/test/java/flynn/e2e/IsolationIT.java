package flynn.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flynn.api.host.ActiveJob;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 3's isolation acceptance with {@code --runner runc}: from inside a job, the platform's
 * private ports on the host are closed, the router's port and other jobs are open, and the outside
 * is reachable; the firewall table lives exactly as long as flynn-host, also across kill -9.
 */
class IsolationIT {
  private static final String RELEASE_JSON =
      """
      {
        "processes": {
          "web": {
            "args": ["/usr/bin/python3", "-m", "http.server", "8080"],
            "ports": [{"port": 8080, "proto": "tcp", "service": {"name": "iso-web", "create": true}}]
          }
        }
      }
      """;

  /** Prints {@code open|closed <label>} per {@code label=host:port}, then the HEAD's status. */
  private static final String PROBE =
      """
      import socket, sys, urllib.request
      for spec in sys.argv[2:]:
          label, target = spec.split("=")
          host, port = target.rsplit(":", 1)
          s = socket.socket()
          s.settimeout(2)
          try:
              s.connect((host, int(port)))
              print("open", label, flush=True)
          except OSError as e:
              print("closed", label, type(e).__name__, flush=True)
          finally:
              s.close()
      try:
          request = urllib.request.Request(sys.argv[1], method="HEAD")
          print("fetched", urllib.request.urlopen(request, timeout=10).status, flush=True)
      except OSError as e:
          print("fetch-failed", e, flush=True)
      """;

  private static final String GATEWAY = "100.100.0.1";

  @RegisterExtension final Clusters clusters = new Clusters();
  private Cluster cluster;
  private String forwardingBefore;

  @BeforeEach
  void up() throws Exception {
    Machine.assumeContainers("IsolationIT", "runc");
    forwardingBefore = Machine.ipForward();
    cluster = clusters.startWithContainers();
  }

  @Test
  void aJobReachesTheRouterPortOtherJobsAndTheOutsideButNotThePlatformsPorts() throws Exception {
    String webIp = startWebJob();
    String hostAddress = hostAddress();
    List<String> targets =
        List.of(
            "controller-gw=" + GATEWAY + ":" + cluster.controllerPort,
            "controller-host=" + hostAddress + ":" + cluster.controllerPort,
            "postgres-gw=" + GATEWAY + ":" + postgresPort(),
            "router-gw=" + GATEWAY + ":" + cluster.httpPort,
            "router-host=" + hostAddress + ":" + cluster.httpPort,
            "web-job=" + webIp + ":8080");

    List<String> args =
        new ArrayList<>(
            List.of("-a", "iso", "run", "-d", "/usr/bin/python3", "-c", PROBE, aptMirror()));
    args.addAll(targets);
    cluster.flynn(args.toArray(String[]::new)).ok();

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(log()).contains("fetched 200").containsPattern("closed postgres-gw"));
    String log = log();
    assertThat(log)
        .contains(
            "closed controller-gw",
            "closed controller-host",
            "closed postgres-gw",
            "open router-gw",
            "open router-host",
            "open web-job",
            "fetched 200");
  }

  @Test
  void theFirewallTableLivesExactlyAsLongAsFlynnHostAcrossAKillAndARestart() throws Exception {
    startWebJob();
    List<String> containers = new ArrayList<>(cluster.containers());
    assertThat(flynnTables()).isEqualTo(1);

    cluster.kill9();
    cluster.up();
    assertThat(flynnTables()).as("after kill -9 and restart").isEqualTo(1);
    await().atMost(Duration.ofSeconds(60)).until(() -> !runningWebIps().isEmpty());
    containers.addAll(cluster.containers());

    assertThat(cluster.stop()).as("flynn-host exit status after SIGTERM").isIn(0, 143);

    assertThat(flynnTables()).as("after SIGTERM").isZero();
    assertThat(Machine.ipForward())
        .as("ip_forward as before flynn-host started")
        .isEqualTo(forwardingBefore);
    assertThat(Machine.mountsUnder(cluster.stateDir)).as("tmpfs and overlay mounts").isEmpty();
    Set<String> netns = Machine.netnsNames();
    String links = Machine.links();
    for (String container : containers) {
      assertThat(netns).doesNotContain(container);
      assertThat(links).doesNotContain("flv" + container.substring("flynn-".length()));
    }
    assertThat(Machine.flynnCgroups()).as("cgroups of the containers and their parent").isEmpty();
  }

  private String startWebJob() throws IOException {
    cluster.createApp("iso", RELEASE_JSON);
    cluster.flynn("-a", "iso", "scale", "web=1").ok();
    await().atMost(Duration.ofSeconds(60)).until(() -> !runningWebIps().isEmpty());
    return runningWebIps().getFirst();
  }

  private List<String> runningWebIps() throws IOException {
    return cluster.runningOnHost("web").stream().map(ActiveJob::internalIp).toList();
  }

  private String log() {
    return cluster.flynn("-a", "iso", "log").ok().out();
  }

  /** The embedded PostgreSQL's port, from its postmaster.pid (the fourth line). */
  private int postgresPort() throws IOException {
    List<String> pid = Files.readAllLines(cluster.stateDir.resolve("postgres/postmaster.pid"));
    return Integer.parseInt(pid.get(3).strip());
  }

  /** The host's first IPv4 address outside loopback and the job bridge. */
  private static String hostAddress() throws IOException {
    return NetworkInterface.networkInterfaces()
        .filter(nic -> !nic.getName().startsWith("flynn"))
        .flatMap(NetworkInterface::inetAddresses)
        .filter(Inet4Address.class::isInstance)
        .filter(a -> !a.isLoopbackAddress())
        .map(InetAddress::getHostAddress)
        .findFirst()
        .orElseThrow(() -> new AssertionError("the host has no IPv4 address but loopback"));
  }

  /** The first http URI of the host's apt sources, read now so no mirror is named in the code. */
  private static String aptMirror() throws IOException {
    Pattern uri = Pattern.compile("(?:URIs:|deb)\\s+(?:\\[[^]]*]\\s+)?(http://\\S+)");
    List<Path> sources = new ArrayList<>(List.of(Path.of("/etc/apt/sources.list")));
    Path dir = Path.of("/etc/apt/sources.list.d");
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        files
            .filter(f -> f.toString().matches(".*\\.(list|sources)$"))
            .sorted()
            .forEach(sources::add);
      }
    }
    for (Path source : sources) {
      if (Files.isRegularFile(source)) {
        for (String line : Files.readAllLines(source)) {
          Matcher m = uri.matcher(line.strip());
          if (m.lookingAt()) {
            return m.group(1).endsWith("/") ? m.group(1) : m.group(1) + "/";
          }
        }
      }
    }
    throw new AssertionError("the host's apt sources name no http mirror");
  }

  private static long flynnTables() {
    return Machine.nftTables().stream().filter(l -> l.equals("table inet flynn")).count();
  }
}
