package flynn.host.runc;

import com.fasterxml.jackson.annotation.JsonProperty;
import flynn.host.volumes.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The OCI runtime {@code config.json} of a job's container, the fields this runner sets. Built from
 * a {@link ContainerPlan} by {@link #build}; written with the project's JSON mapper.
 */
public record OciSpec(
    @JsonProperty("ociVersion") String ociVersion,
    @JsonProperty("process") Process process,
    @JsonProperty("root") Root root,
    @JsonProperty("hostname") String hostname,
    @JsonProperty("mounts") List<Mount> mounts,
    @JsonProperty("linux") Linux linux) {

  public static final String VERSION = "1.0.2";
  static final int MIN_CPU_SHARES = 2;

  public record Process(
      @JsonProperty("terminal") boolean terminal,
      @JsonProperty("user") User user,
      @JsonProperty("args") List<String> args,
      @JsonProperty("env") List<String> env,
      @JsonProperty("cwd") String cwd,
      @JsonProperty("capabilities") Capabilities capabilities,
      @JsonProperty("rlimits") List<Rlimit> rlimits,
      @JsonProperty("noNewPrivileges") boolean noNewPrivileges,
      @JsonProperty("consoleSize") ConsoleSize consoleSize) {}

  /** The terminal's initial size, so the app sees it from its first instruction. */
  public record ConsoleSize(@JsonProperty("height") int height, @JsonProperty("width") int width) {}

  public record User(@JsonProperty("uid") int uid, @JsonProperty("gid") int gid) {}

  /** Empty sets: app processes get no capabilities at all. */
  public record Capabilities(
      @JsonProperty("bounding") List<String> bounding,
      @JsonProperty("effective") List<String> effective,
      @JsonProperty("inheritable") List<String> inheritable,
      @JsonProperty("permitted") List<String> permitted,
      @JsonProperty("ambient") List<String> ambient) {
    static Capabilities none() {
      return new Capabilities(List.of(), List.of(), List.of(), List.of(), List.of());
    }
  }

  public record Rlimit(
      @JsonProperty("type") String type,
      @JsonProperty("hard") long hard,
      @JsonProperty("soft") long soft) {}

  public record Root(
      @JsonProperty("path") String path, @JsonProperty("readonly") boolean readonly) {}

  public record Mount(
      @JsonProperty("destination") String destination,
      @JsonProperty("type") String type,
      @JsonProperty("source") String source,
      @JsonProperty("options") List<String> options) {}

  public record Linux(
      @JsonProperty("cgroupsPath") String cgroupsPath,
      @JsonProperty("resources") Resources resources,
      @JsonProperty("namespaces") List<Namespace> namespaces,
      @JsonProperty("maskedPaths") List<String> maskedPaths,
      @JsonProperty("readonlyPaths") List<String> readonlyPaths) {}

  public record Resources(
      @JsonProperty("memory") Memory memory,
      @JsonProperty("cpu") Cpu cpu,
      @JsonProperty("pids") Pids pids,
      @JsonProperty("devices") List<Device> devices) {}

  /** {@code swap} is memory plus swap; equal to the limit, the job cannot swap. */
  public record Memory(@JsonProperty("limit") long limit, @JsonProperty("swap") long swap) {}

  public record Cpu(@JsonProperty("shares") long shares) {}

  public record Pids(@JsonProperty("limit") long limit) {}

  public record Device(
      @JsonProperty("allow") boolean allow, @JsonProperty("access") String access) {}

  public record Namespace(@JsonProperty("type") String type, @JsonProperty("path") String path) {}

  public static OciSpec build(ContainerPlan plan) {
    return new OciSpec(
        VERSION,
        process(plan),
        new Root(plan.rootPath(), false),
        plan.hostname(),
        mounts(plan),
        linux(plan));
  }

  /**
   * This spec with its process on a terminal (runc then allocates one in the container) of {@code
   * height} rows and {@code width} columns (zeros: runc's default).
   */
  public OciSpec withTerminal(boolean terminal, int height, int width) {
    Process p = process;
    return new OciSpec(
        ociVersion,
        new Process(
            terminal,
            p.user(),
            p.args(),
            p.env(),
            p.cwd(),
            p.capabilities(),
            p.rlimits(),
            p.noNewPrivileges(),
            terminal && height > 0 && width > 0 ? new ConsoleSize(height, width) : null),
        root,
        hostname,
        mounts,
        linux);
  }

  /** Flynn's milli-cpus as cgroup cpu shares: one core (1000) is the kernel's default 1024. */
  public static long cpuShares(long cpuMilli) {
    return Math.max(MIN_CPU_SHARES, cpuMilli * 1024 / 1000);
  }

  private static Process process(ContainerPlan plan) {
    long maxFd = Math.min(plan.limits().maxFd(), plan.maxFdCeiling());
    return new Process(
        false,
        new User(plan.uid(), plan.gid()),
        args(plan),
        env(plan.env()),
        plan.cwd() == null || plan.cwd().isEmpty() ? "/" : plan.cwd(),
        Capabilities.none(),
        List.of(new Rlimit("RLIMIT_NOFILE", maxFd, maxFd)),
        true,
        null);
  }

  /** Under an init (tini), {@code -g} passes signals to the app's whole process group. */
  private static List<String> args(ContainerPlan plan) {
    if (plan.init() == null) {
      return plan.args();
    }
    List<String> args = new ArrayList<>(List.of(plan.init(), "-g", "--"));
    args.addAll(plan.args());
    return List.copyOf(args);
  }

  private static List<String> env(Map<String, String> env) {
    return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList();
  }

  private static List<Mount> mounts(ContainerPlan plan) {
    List<Mount> mounts = new ArrayList<>(systemMounts(plan));
    if (plan.trustedCerts() != null) {
      mounts.add(
          new Mount(
              "/etc/ssl/certs",
              "bind",
              plan.trustedCerts(),
              List.of("rbind", "ro", "nosuid", "nodev", "noexec")));
    }
    plan.volumes().forEach(v -> mounts.add(volume(v)));
    return mounts;
  }

  /** A volume: the host directory bound at its target, writeable unless asked otherwise. */
  static Mount volume(VolumeMount v) {
    return new Mount(
        v.target(),
        "bind",
        v.source().toString(),
        List.of("rbind", v.writeable() ? "rw" : "ro", "nosuid", "nodev"));
  }

  private static List<Mount> systemMounts(ContainerPlan plan) {
    return List.of(
        new Mount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev")),
        new Mount(
            "/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")),
        new Mount(
            "/dev/pts",
            "devpts",
            "devpts",
            List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5")),
        new Mount(
            "/dev/shm",
            "tmpfs",
            "shm",
            List.of("nosuid", "noexec", "nodev", "mode=1777", "size=65536k")),
        new Mount("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")),
        new Mount("/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", "ro")),
        new Mount(
            "/tmp",
            "tmpfs",
            "tmpfs",
            List.of("nosuid", "nodev", "mode=1777", "size=" + plan.limits().tempDiskBytes())),
        new Mount(
            "/etc/resolv.conf",
            "bind",
            plan.resolvConf(),
            List.of("rbind", "ro", "nosuid", "nodev")));
  }

  private static Linux linux(ContainerPlan plan) {
    return new Linux(
        plan.cgroupsPath(),
        resources(plan),
        List.of(
            new Namespace("pid", null),
            new Namespace("mount", null),
            new Namespace("uts", null),
            new Namespace("ipc", null),
            new Namespace("network", plan.netnsPath())),
        List.of(
            "/proc/acpi",
            "/proc/asound",
            "/proc/kcore",
            "/proc/keys",
            "/proc/latency_stats",
            "/proc/timer_list",
            "/proc/timer_stats",
            "/proc/sched_debug",
            "/proc/scsi",
            "/sys/firmware"),
        List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"));
  }

  private static Resources resources(ContainerPlan plan) {
    long memory = plan.limits().memoryBytes();
    long maxProcs = plan.limits().maxProcs();
    return new Resources(
        new Memory(memory, memory),
        new Cpu(cpuShares(plan.limits().cpuMilli())),
        maxProcs > 0 ? new Pids(maxProcs) : null,
        List.of(new Device(false, "rwm")));
  }
}
