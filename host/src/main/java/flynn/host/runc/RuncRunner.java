package flynn.host.runc;

import flynn.api.Json;
import flynn.host.JobRunner;
import flynn.host.run.JobLaunch;
import flynn.host.run.OutputSink;
import flynn.host.run.ProcessRef;
import flynn.host.run.RunningJob;
import flynn.host.run.Stdio;
import flynn.host.volumes.VolumeMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each job in a runc container: an overlay root over the image layers (its writable layer on a
 * tmpfs the size of the job's temp disk), tini as PID 1 when the image has it, an unprivileged
 * user, its own network namespace and address on the job bridge, and cgroup limits. Everything it
 * creates is named {@code flynn-<short>} (veths {@code flv<short>}) and removed when the job ends,
 * or by {@link #killLeftover} after a daemon crash.
 */
public final class RuncRunner implements JobRunner, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RuncRunner.class);

  private final RuncConfig config;
  private final RuncCli runc;
  private final JobNetwork network;
  private final IpLeases leases;
  private final Cgroups cgroups;
  private final ContainerTeardown teardown;
  private final JobResolver resolver;

  /** With the resolver {@link JobResolver#detect} chooses for this host. */
  public RuncRunner(RuncConfig config) {
    this(config, JobResolver.detect(config.network()));
  }

  public RuncRunner(RuncConfig config, JobResolver resolver) {
    this.config = config;
    this.resolver = resolver;
    this.runc = new RuncCli(config.runcBinary(), config.runcRoot().toString());
    this.network = new JobNetwork(config.network());
    this.leases = new IpLeases(config.network(), config.stateDir());
    this.cgroups = new Cgroups(config.cgroupRoot());
    this.teardown = new ContainerTeardown(config, runc, network, leases, cgroups);
  }

  @Override
  public RunningJob start(JobLaunch launch, OutputSink output) throws IOException {
    ContainerNames names = ContainerNames.forJob(launch.jobId());
    teardown.remove(names); // a half-made container of an earlier attempt
    try {
      String ip = prepare(names, launch);
      Process process = runc.run(BundleDir.of(config.containersDir(), names), names.containerId());
      LOG.info(
          "job={} container={} ip={} event=container-started",
          launch.jobId(),
          names.containerId(),
          ip);
      return RuncJob.start(names, process, ip, context(), launch.jobId(), output);
    } catch (IOException | RuntimeException e) {
      teardown.remove(names);
      throw e;
    }
  }

  @Override
  public RunningJob start(JobLaunch launch, Stdio stdio) throws IOException {
    ContainerNames names = ContainerNames.forJob(launch.jobId());
    teardown.remove(names);
    Pty terminal = null;
    try {
      String ip = prepare(names, launch, stdio);
      terminal = stdio.tty() ? Pty.open(stdio.height(), stdio.width()) : null;
      Process process =
          runc.runAttached(
              BundleDir.of(config.containersDir(), names),
              names.containerId(),
              stdio.stdin(),
              terminal);
      LOG.info(
          "job={} container={} ip={} tty={} event=container-started",
          launch.jobId(),
          names.containerId(),
          ip,
          stdio.tty());
      return RuncJob.startAttached(
          names, process, ip, context(), launch.jobId(), terminal, stdio.output());
    } catch (IOException | RuntimeException e) {
      if (terminal != null) {
        terminal.close();
      }
      teardown.remove(names);
      throw e;
    }
  }

  private String prepare(ContainerNames names, JobLaunch launch) throws IOException {
    return prepare(names, launch, new Stdio(false, false, 0, 0, null));
  }

  private String prepare(ContainerNames names, JobLaunch launch, Stdio stdio) throws IOException {
    BundleDir bundle = BundleDir.of(config.containersDir(), names);
    Files.createDirectories(bundle.dir());
    Files.createDirectories(config.runcRoot());
    String ip = leases.acquire(names.containerId());
    network.ensureBridge();
    network.attach(names, ip);
    Files.writeString(bundle.resolvConf(), resolver.resolvConf());
    TempDisk.mount(bundle, launch.limits().tempDiskBytes());
    writeEtcHosts(bundle, ip, names.containerId());
    ensureAppHome(bundle, launch);
    Overlay.mount(rootfs(launch), bundle);
    ContainerPlan plan = plan(names, launch, bundle);
    ownVolumes(plan);
    OciSpec spec = OciSpec.build(plan).withTerminal(stdio.tty(), stdio.height(), stdio.width());
    Files.write(bundle.config(), Json.writeBytes(spec));
    return ip;
  }

  /** In the upper dir, so it shadows the image's /etc/hosts and goes with the container. */
  private static void writeEtcHosts(BundleDir bundle, String ip, String hostname)
      throws IOException {
    Path etc = Files.createDirectories(bundle.upper().resolve("etc"));
    Files.writeString(etc.resolve("hosts"), EtcHosts.forJob(ip, hostname));
  }

  private ContainerPlan plan(ContainerNames names, JobLaunch launch, BundleDir bundle) {
    int uid = appUser(launch.uid(), config.appUid());
    return new ContainerPlan(
        launch.args(),
        RootfsInit.find(rootfs(launch)).orElse(null),
        launch.env(),
        launch.containerDir(),
        uid,
        uid == config.appUid() ? config.appGid() : appUser(launch.gid(), uid),
        names.containerId(),
        bundle.rootfs().toString(),
        JobNetwork.netnsPath(names),
        bundle.resolvConf().toString(),
        names.cgroupPath(config.cgroupParent()),
        launch.limits(),
        config.maxFdCeiling(),
        onStack(launch) ? pathOrNull(config.trustedCerts()) : null,
        launch.volumes());
  }

  /** A volume's top directory belongs to the job's user, so the app can write to it. */
  private static void ownVolumes(ContainerPlan plan) throws IOException {
    for (VolumeMount v : plan.volumes()) {
      Files.setAttribute(v.source(), "unix:uid", plan.uid());
      Files.setAttribute(v.source(), "unix:gid", plan.gid());
    }
  }

  /**
   * Whether the job's root is the platform's Debian stack (its bottom layer is the stack's base),
   * whose trust store has the host's layout: such jobs trust the CAs the host trusts, a proxy's
   * among them. An image brings its own.
   */
  private boolean onStack(JobLaunch launch) {
    return rootfs(launch).getLast().equals(config.rootfsLayers().getLast());
  }

  private static String pathOrNull(Path path) {
    return path == null ? null : path.toString();
  }

  /**
   * The app user's home, {@code /app}, made in the upper dir when no layer has it (a stack with no
   * slug on it: a build job writes the slug there).
   */
  private void ensureAppHome(BundleDir bundle, JobLaunch launch) throws IOException {
    for (Path layer : rootfs(launch)) {
      if (Files.exists(layer.resolve("app"), LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
    }
    Path home = Files.createDirectories(bundle.upper().resolve("app"));
    Files.setAttribute(home, "unix:uid", config.appUid());
    Files.setAttribute(home, "unix:gid", config.appGid());
  }

  /** The job's image layers, or the runner's default root when it has none. */
  private List<Path> rootfs(JobLaunch launch) {
    return launch.imageLayers().isEmpty() ? config.rootfsLayers() : launch.imageLayers();
  }

  /** An image's user, except root (and none), which become the platform's app user. */
  static int appUser(Integer requested, int appDefault) {
    return requested == null || requested <= 0 ? appDefault : requested;
  }

  private RuncJob.Context context() {
    return new RuncJob.Context(runc, cgroups, teardown, config.cgroupParent());
  }

  /**
   * Removes the container a previous daemon ran for this job, found by the runc id recorded in
   * {@code process}; a record without one is not ours and is left alone.
   */
  @Override
  public boolean killLeftover(ProcessRef process) {
    ContainerNames names = ContainerNames.fromContainerId(process.container());
    if (names == null) {
      LOG.info("pid={} event=leftover-skipped reason=no-container", process.pid());
      return false;
    }
    boolean found = teardown.remove(names);
    LOG.info("container={} event=leftover-removed found={}", names.containerId(), found);
    return found;
  }

  /** A container's own: Debian's PATH, the app user's home, a UTF-8 locale; not the daemon's. */
  @Override
  public Map<String, String> baseEnv() {
    return Map.of(
        "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "HOME", "/app",
        "LANG", "C.UTF-8");
  }

  @Override
  public boolean sharesHostNetwork() {
    return false;
  }

  /** After the daemon stopped its jobs: the parent cgroup runc leaves in every hierarchy goes. */
  @Override
  public void close() {
    try {
      boolean removed = cgroups.removeParent(config.cgroupParent());
      LOG.info("event=closed cgroup_parent={} removed={}", config.cgroupParent(), removed);
    } catch (IOException e) {
      LOG.warn("event=cgroup-parent-cleanup-failed error=\"{}\"", e.getMessage());
    }
  }
}
