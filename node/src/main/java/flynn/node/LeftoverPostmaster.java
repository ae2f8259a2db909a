package flynn.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server this node started before it was killed (kill -9 of flynn-host leaves the
 * postmaster running): found by its own pid file in our data dir and shut down (SIGINT,
 * PostgreSQL's fast shutdown) before a new one starts.
 */
final class LeftoverPostmaster {
  private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostmaster.class);

  private LeftoverPostmaster() {}

  static void stopIfRunning(Path dataDir) throws IOException {
    Optional<ProcessHandle> postmaster = find(dataDir);
    if (postmaster.isEmpty()) {
      return;
    }
    long pid = postmaster.get().pid();
    LOG.info("stopping leftover postgres pid={} data={}", pid, dataDir);
    new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (postmaster.get().isAlive() && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (postmaster.get().isAlive()) {
      throw new IllegalStateException(
          "a PostgreSQL server (pid " + pid + ") still runs on " + dataDir + ": stop it first");
    }
  }

  /** The live postmaster whose pid file is in dataDir and whose command line names dataDir. */
  static Optional<ProcessHandle> find(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    String first =
        Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
    long pid;
    try {
      pid = Long.parseLong(first.strip());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> runsOn(pid, dataDir));
  }

  private static boolean runsOn(long pid, Path dataDir) {
    try {
      String cmdline =
          new String(
              Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
              StandardCharsets.UTF_8);
      return cmdline.contains("postgres") && cmdline.contains(dataDir.toString());
    } catch (IOException e) {
      return false;
    }
  }
}
