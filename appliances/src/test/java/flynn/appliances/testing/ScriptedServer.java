package flynn.appliances.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A database server of this machine's Debian packages, started by the very start script the
 * appliance's stack layer installs, as the unprivileged user {@code nobody} (as a job runs), with
 * its data in a fresh dir and its port free. {@link #close} stops it with SIGTERM, as the host
 * does, and removes the data.
 */
public final class ScriptedServer implements AutoCloseable {
  private static final Path SCRIPTS = Path.of("../host/src/main/resources/flynn/host/stack");
  private static final String NOBODY = "65534";

  private final Process process;
  private final Path dir;
  private final int port;

  private ScriptedServer(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /**
   * @param dataEnv the env variable the script takes its data dir from
   * @param env the rest of the script's env (passwords)
   */
  public static ScriptedServer start(
      String script, String dataEnv, Map<String, String> env, List<String> args)
      throws IOException {
    Path dir = Files.createTempDirectory("appliance-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path data = Files.createDirectory(dir.resolve("data"));
    Path tmp = Files.createDirectory(dir.resolve("tmp"));
    Files.setAttribute(data, "unix:uid", 65534);
    Files.setAttribute(tmp, "unix:uid", 65534);
    int port = freePort();
    List<String> command =
        new ArrayList<>(
            List.of(
                "setpriv",
                "--reuid=" + NOBODY,
                "--regid=" + NOBODY,
                "--clear-groups",
                "bash",
                SCRIPTS.resolve(script).toAbsolutePath().toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("server.log").toFile());
    pb.environment().putAll(env);
    pb.environment().put(dataEnv, data.toString());
    pb.environment().put("PORT", Integer.toString(port));
    pb.environment().put("HOME", "/tmp");
    pb.environment().put("TMPDIR", tmp.toString());
    return new ScriptedServer(pb.start(), dir, port);
  }

  public int port() {
    return port;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String log() {
    try {
      return Files.readString(dir.resolve("server.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** SIGTERM and a wait for the clean shutdown; SIGKILL if it takes too long. */
  public void stop() {
    try {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws IOException {
    stop();
    new ProcessBuilder("rm", "-rf", "--one-file-system", dir.toString())
        .inheritIO()
        .start()
        .onExit()
        .join();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
