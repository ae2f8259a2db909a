package flynn.host.run;

import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A started job, as its runner sees it. */
public interface RunningJob {
  /** What to persist so a later daemon can find (and end) the process. */
  ProcessRef process();

  /**
   * Completes with the exit status (128+n for death by signal n) once the job has exited and all of
   * its output has been passed to the sink.
   */
  CompletableFuture<Integer> exit();

  /**
   * Asks the job to stop (SIGTERM), and kills it (SIGKILL) if it is still running after {@code
   * grace}. Returns once the job has exited.
   */
  void stop(Duration grace);

  /** The job's own IP address when it has its own network namespace; empty on the host network. */
  default Optional<String> ip() {
    return Optional.empty();
  }

  /** True once {@link #exit()} is done if the kernel killed the job for exceeding its memory. */
  default boolean outOfMemory() {
    return false;
  }

  /** The job's stdin when it was started with one (see {@link Stdio}); closing it is EOF. */
  default OutputStream stdin() {
    return OutputStream.nullOutputStream();
  }

  /** Sends signal number {@code signal} to the job (its whole group or container). */
  default void signal(int signal) {}

  /** Resizes the job's terminal; nothing for a job without one. */
  default void resize(int height, int width) {}
}
