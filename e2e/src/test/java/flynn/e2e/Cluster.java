package flynn.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import flynn.api.Json;
import flynn.api.controller.ControllerClient;
import flynn.api.controller.Job;
import flynn.api.host.ActiveJob;
import flynn.api.host.HostClient;
import flynn.api.host.HostJob;
import flynn.api.host.JobStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole cluster started the way a user starts it, {@code bin/flynn-host up}, on its own temp
 * state dir, free ports and CLI config, plus a {@code bin/flynn} bound to it. Closing it stops the
 * cluster and kills anything still running from its state dir.
 */
final class Cluster implements AutoCloseable {
  static final Path ROOT =
      Path.of(System.getProperty("flynn.root", "..")).toAbsolutePath().normalize();

  /**
   * One stack dir for every test cluster, so the stack image is built once per machine (by the
   * first cluster that runs containers) and reused across runs.
   */
  static final Path STACK_DIR =
      Path.of(System.getProperty("flynn.stackDir", "/var/cache/flynn/stacks")).toAbsolutePath();

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration FIRST_STACK_BUILD = Duration.ofMinutes(10);
  private static final Pattern HOST_STARTED = Pattern.compile("event=started url=(http://\\S+)");

  final Path dir;
  final Path stateDir;
  final Path flynnrc;
  final Path workDir;
  final int controllerPort;
  final int httpPort;
  final int httpsPort;
  final int gitPort;
  private final List<String> extraFlags;
  private Process host;
  private Path hostLog;
  private int starts;

  private Cluster(Path dir, List<String> extraFlags) throws IOException {
    this.dir = dir;
    this.extraFlags = List.copyOf(extraFlags);
    this.stateDir = dir.resolve("state");
    this.flynnrc = dir.resolve("flynnrc");
    this.workDir = Files.createDirectories(dir.resolve("work"));
    this.controllerPort = freePort();
    this.httpPort = freePort();
    this.httpsPort = freePort();
    this.gitPort = freePort();
  }

  static Cluster start() throws IOException {
    return start(List.of());
  }

  /** With more {@code flynn-host up} flags, such as {@code --runner runc}. */
  static Cluster start(List<String> extraFlags) throws IOException {
    Cluster c = new Cluster(Files.createTempDirectory("flynn-e2e-"), extraFlags);
    c.up();
    return c;
  }

  /** Runs {@code bin/flynn-host up} and waits for its ready line. */
  void up() throws IOException {
    hostLog = dir.resolve("flynn-host-" + (++starts) + ".log");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                ROOT.resolve("bin/flynn-host").toString(),
                "up",
                "--state-dir",
                stateDir.toString(),
                "--controller-port",
                Integer.toString(controllerPort),
                "--http-port",
                Integer.toString(httpPort),
                "--https-port",
                Integer.toString(httpsPort),
                "--git-port",
                Integer.toString(gitPort),
                "--stack-dir",
                STACK_DIR.toString(),
                // a test's cluster lives too briefly for a background build; a push builds it
                "--no-build-stack"));
    cmd.addAll(extraFlags);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(hostLog.toFile());
    pb.environment().put("FLYNNRC", flynnrc.toString());
    pb.environment().put("GIT_CONFIG_GLOBAL", gitConfig().toString());
    host = pb.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> ready =
        CompletableFuture.supplyAsync(() -> {
          try {
            String line;
            while ((line = out.readLine()) != null) {
              if (line.startsWith("flynn-host: cluster ready")) {
                return line;
              }
            }
            return null;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    String line;
    try {
      line = ready.get(readyTimeout().toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      line = null;
    }
    assertThat(line)
        .as("flynn-host up printed its ready line; its log:\n%s", hostLog())
        .isNotNull()
        .contains("http://127.0.0.1:" + controllerPort);
  }

  /** Longer while no run stack is built: a cluster with containers builds it before it is ready. */
  private static Duration readyTimeout() {
    boolean built =
        Files.isDirectory(STACK_DIR.resolve("base/rootfs"))
            && Files.isDirectory(STACK_DIR.resolve("run/rootfs"));
    return built ? READY_TIMEOUT : READY_TIMEOUT.plus(FIRST_STACK_BUILD);
  }

  /** SIGTERM, as Ctrl-C or a service manager would, and wait for a clean exit. */
  int stop() throws InterruptedException {
    host.destroy();
    if (!host.waitFor(60, TimeUnit.SECONDS)) {
      host.destroyForcibly().waitFor();
      throw new AssertionError("flynn-host did not stop within 60 s of SIGTERM:\n" + hostLog());
    }
    return host.exitValue();
  }

  /** SIGKILL, as a crash or an OOM kill would: no shutdown hook runs. */
  void kill9() throws InterruptedException {
    host.destroyForcibly().waitFor();
  }

  /** The running flynn-host; the jobs it runs are among its descendants, whatever the runner. */
  ProcessHandle hostProcess() {
    return host.toHandle();
  }

  /** The host API's URL, from the daemon's start line in the log. */
  String hostUrl() {
    Matcher m = HOST_STARTED.matcher(hostLog());
    String url = null;
    while (m.find()) {
      url = m.group(1);
    }
    assertThat(url).as("the host daemon logged its URL; its log:\n%s", hostLog()).isNotNull();
    return url;
  }

  String hostLog() {
    try {
      return hostLog == null ? "" : Files.readString(hostLog);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Runs {@code bin/flynn ARGS} against this cluster, from {@link #workDir}. */
  Result flynn(String... args) {
    return flynn(Map.of(), args);
  }

  Result flynn(Map<String, String> env, String... args) {
    return flynn(env, Duration.ofSeconds(120), args);
  }

  /** {@code bin/flynn ARGS} for a command that may take longer, such as a first provision. */
  Result flynnSlow(Duration timeout, String... args) {
    return flynn(Map.of(), timeout, args);
  }

  private Result flynn(Map<String, String> env, Duration timeout, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ROOT.resolve("bin/flynn").toString());
    cmd.addAll(List.of(args));
    return command(workDir, env, timeout, cmd);
  }

  /** An API client of this cluster's controller. */
  ControllerClient controller() throws IOException {
    return new ControllerClient("http://127.0.0.1:" + controllerPort, key());
  }

  /** Runs {@code bin/flynn ARGS} from {@code dir} (a git work tree, say). */
  Result flynnIn(Path dir, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ROOT.resolve("bin/flynn").toString());
    cmd.addAll(List.of(args));
    return command(dir, Map.of(), Duration.ofSeconds(120), cmd);
  }

  /** Runs {@code git ARGS} in {@code repo} as a user of this cluster would (its git config). */
  Result git(Path repo, Duration timeout, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("git");
    cmd.addAll(List.of(args));
    return command(repo, Map.of("GIT_TERMINAL_PROMPT", "0"), timeout, cmd);
  }

  private Result command(Path dir, Map<String, String> env, Duration timeout, List<String> cmd) {
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
      pb.environment().put("FLYNNRC", flynnrc.toString());
      pb.environment().put("GIT_CONFIG_GLOBAL", gitConfig().toString());
      pb.environment().putAll(env);
      Process p = pb.start();
      p.getOutputStream().close();
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
      String out = read(p.getInputStream());
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", cmd) + " did not finish in " + timeout);
      }
      return new Result(p.exitValue(), out, err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted");
    }
  }

  /**
   * The global git config of this cluster's commands (flynn-host up sets the credential helper in
   * it), instead of the user's own; a git run by a test sets {@code GIT_CONFIG_GLOBAL} to it too.
   */
  Path gitConfig() {
    return dir.resolve("gitconfig");
  }

  String key() throws IOException {
    return Files.readString(stateDir.resolve("cluster-key")).strip();
  }

  /** {@code flynn create [createFlags] app}, then adds {@code releaseJson} as its release. */
  void createApp(String app, String releaseJson, String... createFlags) throws IOException {
    List<String> create = new ArrayList<>(List.of("create"));
    create.addAll(List.of(createFlags));
    create.add(app);
    flynn(create.toArray(String[]::new)).ok();
    Path release = workDir.resolve("release.json");
    Files.writeString(release, releaseJson);
    flynn("-a", app, "release", "add", "-f", release.toString()).ok();
  }

  /** {@code flynn -a app ps [psFlags] --json}, parsed. */
  List<Job> jobs(String app, String... psFlags) {
    List<String> ps = new ArrayList<>(List.of("-a", app, "ps"));
    ps.addAll(List.of(psFlags));
    ps.add("--json");
    String json = flynn(ps.toArray(String[]::new)).ok().out();
    try {
      return Json.mapper().readValue(json, new TypeReference<List<Job>>() {});
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  /** Every job the host daemon knows, from its API. */
  List<ActiveJob> hostJobs() throws IOException {
    return new HostClient(hostUrl(), key()).listJobs();
  }

  /** The host's running jobs of process type {@code type}. */
  List<ActiveJob> runningOnHost(String type) throws IOException {
    return hostJobs().stream()
        .filter(j -> j.status() == JobStatus.RUNNING)
        .filter(j -> type.equals(j.job().meta(HostJob.META_TYPE)))
        .toList();
  }

  /** The state dir of this cluster's runc (its {@code --root}). */
  Path runcRoot() {
    return stateDir.resolve("runc/runc");
  }

  /** This cluster's runc containers, by id (a container's netns has the same name). */
  List<String> containers() {
    if (!Files.isDirectory(runcRoot())) {
      return List.of();
    }
    return Machine.run("runc", "--root", runcRoot().toString(), "list", "-q")
        .lines()
        .filter(l -> !l.isBlank())
        .toList();
  }

  @Override
  public void close() throws IOException {
    if (host != null && host.isAlive()) {
      host.destroy();
      try {
        if (!host.waitFor(60, TimeUnit.SECONDS)) {
          host.destroyForcibly();
        }
      } catch (InterruptedException e) {
        host.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    killLeftovers();
    Machine.deleteTree(dir);
  }

  /** Any process still running in this cluster's state dir is one this test started: end it. */
  private void killLeftovers() {
    ProcessHandle.allProcesses()
        .filter(p -> cwdUnder(p.pid(), stateDir))
        .forEach(ProcessHandle::destroyForcibly);
  }

  private static boolean cwdUnder(long pid, Path dir) {
    try {
      return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")).startsWith(dir);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static String read(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A port free now, below the kernel's ephemeral range (32768 and up here): flynn-host picks its
   * internal ports (PostgreSQL, ZooKeeper, ...) from that range while it starts, so a port taken
   * from it for the cluster's flags could be handed out again before the cluster binds it.
   */
  static int freePort() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
      try (ServerSocket s = new ServerSocket(port)) {
        return s.getLocalPort();
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free port between 20000 and 32000");
  }

  /** What a CLI run printed and how it exited. */
  record Result(int exit, String out, String err) {
    Result ok() {
      assertThat(exit).as("exit status; stdout:\n%s\nstderr:\n%s", out, err).isZero();
      return this;
    }

    Result failed() {
      assertThat(exit).as("exit status; stdout:\n%s\nstderr:\n%s", out, err).isNotZero();
      return this;
    }
  }
}
