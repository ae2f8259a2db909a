package flynn.cli;

import flynn.api.config.Cluster;
import flynn.api.config.FlynnRc;
import flynn.api.controller.App;
import flynn.api.controller.ControllerClient;
import flynn.api.controller.Release;
import flynn.api.http.ApiException;
import flynn.cli.git.GitConfig;
import flynn.cli.git.GitRepo;
import flynn.cli.git.RemoteApp;
import flynn.cli.output.JsonOutput;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One invocation of {@code flynn}: its I/O, environment and global options, and, resolved lazily
 * and once, the config, cluster, controller client and app it acts on.
 */
public final class Session {
  private final Io io;
  private final Environment env;
  private final Supplier<GlobalOptions> options;
  private FlynnRc config;
  private Optional<GitRepo> repo;
  private Cluster cluster;
  private ControllerClient client;

  public Session(Io io, Environment env, Supplier<GlobalOptions> options) {
    this.io = io;
    this.env = env;
    this.options = options;
  }

  public Io io() {
    return io;
  }

  /** The command that runs this CLI, for git to call back (its credential helper). */
  public String launcher() {
    return env.launcher();
  }

  /** Prints data on stdout. */
  public void print(String text) {
    io.out().print(text);
    io.out().flush();
  }

  public void println(String line) {
    print(line + "\n");
  }

  /** Prints a status message on stderr, as Flynn's CLI logs them. */
  public void info(String line) {
    io.err().println(line);
  }

  public void printJson(Object value) {
    print(JsonOutput.pretty(value));
  }

  public Instant now() {
    return io.clock().instant();
  }

  public FlynnRc config() {
    if (config == null) {
      config = FlynnRc.read(env.flynnrc());
    }
    return config;
  }

  public void saveConfig(FlynnRc next) {
    next.write(env.flynnrc());
    config = next;
  }

  public Optional<GitRepo> gitRepo() {
    if (repo == null) {
      repo = GitRepo.enclosing(env.cwd());
    }
    return repo;
  }

  public Cluster cluster() {
    if (cluster == null) {
      Optional<RemoteApp> remote;
      try {
        remote = remoteApp();
      } catch (CliException ambiguous) {
        remote = Optional.empty();
      }
      cluster = Targets.cluster(clusterName(), config(), remote);
    }
    return cluster;
  }

  public ControllerClient client() {
    if (client == null) {
      Cluster c = cluster();
      client = new ControllerClient(c.controllerUrl(), c.key().isEmpty() ? null : c.key());
    }
    return client;
  }

  /** The name (or id) of the app to act on; a clear error when there is none. */
  public String app() {
    return Targets.app(options.get().app(), env.var("FLYNN_APP"), remoteApp());
  }

  /** The app's record from the controller, with a clear error when it does not exist. */
  public App appRecord() {
    String name = app();
    try {
      return client().apps().get(name);
    } catch (ApiException e) {
      if (e.isNotFound()) {
        throw new CliException("app \"" + name + "\" not found on cluster " + cluster().name());
      }
      throw e;
    }
  }

  /** The app's current release, or empty when it has none yet. */
  public Optional<Release> currentRelease(String app) {
    try {
      return Optional.ofNullable(client().apps().release(app));
    } catch (ApiException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private Optional<RemoteApp> remoteApp() {
    GitConfig git = gitRepo().map(GitRepo::config).orElse(GitConfig.EMPTY);
    return Targets.remoteApp(
        options.get().app(), env.var("FLYNN_APP"), clusterName(), config(), git);
  }

  private String clusterName() {
    String flag = options.get().cluster();
    return flag != null ? flag : env.var("FLYNN_CLUSTER");
  }
}
