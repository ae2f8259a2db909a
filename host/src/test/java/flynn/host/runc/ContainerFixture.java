package flynn.host.runc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import flynn.host.run.JobLaunch;
import flynn.host.run.JobLimits;
import flynn.host.run.OutputSink;
import flynn.host.run.ProcessRef;
import flynn.host.run.RunningJob;
import flynn.host.run.Stdio;
import flynn.host.volumes.VolumeMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Real runc containers for a test: a busybox rootfs, a bridge, subnet and cgroup parent of the
 * test's own, and a {@link #close} that removes every container, the bridge and the cgroups, also
 * after a failure. Skips the test unless it runs as root with runc and a static busybox.
 */
public final class ContainerFixture implements AutoCloseable {
  private static final Path BUSYBOX = Path.of("/bin/busybox");

  private final RuncConfig config;
  private final RuncRunner runner;
  private final List<RunningJob> started = new ArrayList<>();
  private final List<ContainerNames> made = new ArrayList<>();

  private ContainerFixture(RuncConfig config) {
    this.config = config;
    this.runner = new RuncRunner(config);
  }

  /** Skips the calling test when containers cannot run here. */
  public static ContainerFixture create(Path temp) throws IOException {
    assumeTrue(isRoot(), "containers need root (mounts, netns, cgroups); skipped");
    assumeTrue(Files.isExecutable(Path.of(Tools.find("runc"))), "runc is not installed; skipped");
    assumeTrue(Files.isExecutable(BUSYBOX), "busybox-static is not installed; skipped");
    String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
    int subnet = ThreadLocalRandom.current().nextInt(1, 250);
    NetworkConfig network = new NetworkConfig("flynnit" + suffix, "100.126." + subnet + ".1", 24);
    return new ContainerFixture(
        new RuncConfig(
            temp.resolve("state"),
            List.of(busyboxRootfs(temp.resolve("rootfs"))),
            network,
            "flynn-it-" + suffix,
            RuncConfig.APP_UID,
            RuncConfig.APP_UID,
            RuncConfig.MAX_FD_CEILING,
            Tools.find("runc"),
            Path.of("/sys/fs/cgroup"),
            null));
  }

  public RuncConfig config() {
    return config;
  }

  public NetworkConfig network() {
    return config.network();
  }

  public Path stateDir() {
    return config.stateDir();
  }

  /** The names of every container this fixture started. */
  public List<ContainerNames> containers() {
    return List.copyOf(made);
  }

  /** Runs {@code sh -c script} in a new container as the app user. */
  public RunningJob start(String script, JobLimits limits, OutputSink output) throws IOException {
    return start(List.of("sh", "-c", script), limits, output);
  }

  /** Runs {@code args} in a new container as the app user, its output by lines. */
  public RunningJob start(List<String> args, JobLimits limits, OutputSink output)
      throws IOException {
    return started(runner.start(launch(args, limits), output));
  }

  /** Runs {@code sh -c script} in a new container as the app user, with {@code volumes}. */
  public RunningJob start(String script, List<VolumeMount> volumes, OutputSink output)
      throws IOException {
    JobLaunch plain = launch(List.of("sh", "-c", script), JobLimits.defaults());
    JobLaunch launch =
        new JobLaunch(
            plain.jobId(),
            plain.args(),
            plain.env(),
            plain.workDir(),
            plain.ports(),
            plain.limits(),
            plain.containerDir(),
            List.of(),
            null,
            null,
            volumes);
    return started(runner.start(launch, output));
  }

  /** Runs {@code args} in a new container as the app user, attached to {@code stdio}. */
  public RunningJob start(List<String> args, Stdio stdio) throws IOException {
    return started(runner.start(launch(args, JobLimits.defaults()), stdio));
  }

  private JobLaunch launch(List<String> args, JobLimits limits) {
    String jobId = "it-" + UUID.randomUUID();
    made.add(ContainerNames.forJob(jobId));
    return new JobLaunch(jobId, args, Map.of("PATH", "/bin"), stateDir(), List.of(), limits, "/");
  }

  private RunningJob started(RunningJob job) {
    started.add(job);
    return job;
  }

  /** The mounts, netns and veths of this fixture's containers that are still there. */
  public List<String> leftovers() throws IOException {
    List<String> left = new ArrayList<>();
    String state = stateDir().toAbsolutePath().toString();
    Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
        .filter(line -> line.contains(state))
        .forEach(left::add);
    String netns = Command.check(List.of(Tools.IP, "netns", "list")).stdout();
    String links = Command.check(List.of(Tools.IP, "-o", "link", "show")).stdout();
    for (ContainerNames names : made) {
      if (netns.contains(names.netns())) {
        left.add("netns " + names.netns());
      }
      if (links.contains(names.hostVeth())) {
        left.add("veth " + names.hostVeth());
      }
    }
    return left;
  }

  @Override
  public void close() throws IOException {
    for (RunningJob job : started) {
      job.stop(Duration.ofSeconds(1));
    }
    for (ContainerNames names : made) {
      runner.killLeftover(new ProcessRef(-1, -1, -1, names.containerId()));
    }
    Command.run(List.of(Tools.IP, "link", "delete", "dev", config.network().bridge()));
    for (Path parent : new Cgroups(config.cgroupRoot()).existing("/" + config.cgroupParent())) {
      Files.deleteIfExists(parent);
    }
  }

  /**
   * busybox (static) and its applets, tini when the host has it, and {@code /data}, a directory the
   * app user may write to.
   */
  private static Path busyboxRootfs(Path root) throws IOException {
    Path bin = Files.createDirectories(root.resolve("bin"));
    Files.copy(BUSYBOX, bin.resolve("busybox"));
    String applets = Command.check(List.of(BUSYBOX.toString(), "--list")).stdout();
    for (String applet :
        applets.lines().filter(a -> !a.isBlank() && !a.equals("busybox")).toList()) {
      Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
    }
    Path tini = Path.of("/usr/bin/tini-static");
    if (Files.isExecutable(tini)) {
      Files.copy(tini, Files.createDirectories(root.resolve("usr/bin")).resolve("tini"));
    }
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(
        root.resolve("etc/passwd"), "root:x:0:0::/:/bin/sh\napp:x:10000:10000::/:/bin/sh\n");
    Path data = Files.createDirectories(root.resolve("data"));
    Command.check(
        List.of(
            Tools.find("chown"), RuncConfig.APP_UID + ":" + RuncConfig.APP_UID, data.toString()));
    return root;
  }

  private static boolean isRoot() throws IOException {
    return Files.readAllLines(Path.of("/proc/self/status")).stream()
        .anyMatch(line -> line.matches("Uid:\\s+0\\s.*"));
  }
}
