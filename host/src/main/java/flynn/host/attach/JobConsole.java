package flynn.host.attach;

import flynn.api.attach.AttachFrame;
import flynn.host.run.RunningJob;
import flynn.host.run.StdStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A job's console: the clients attached to it, its output fanned out to them, and their input,
 * signals and resizes passed to the job once it runs. A client may attach before the job starts (it
 * then gets everything) or while it runs (it gets what comes next).
 */
public final class JobConsole {
  private final List<Attacher> attached = new CopyOnWriteArrayList<>();
  private final CompletableFuture<RunningJob> running = new CompletableFuture<>();
  private volatile String ended;
  private boolean starting;

  /** Passes a chunk of the job's output to every client that asked for that stream. */
  public void output(StdStream stream, byte[] bytes, int length) {
    for (Attacher a : attached) {
      if (!a.output(stream, bytes, length)) {
        attached.remove(a);
      }
    }
  }

  /**
   * The job is about to start: clients waiting for it are told so, before any of its output can
   * reach them.
   */
  public synchronized void starting() {
    starting = true;
    for (Attacher a : attached) {
      try {
        a.writer().state(AttachFrame.SUCCESS);
      } catch (IOException e) {
        attached.remove(a);
        a.done().complete(null);
      }
    }
  }

  /** The terminal size the first client that gave one asked for: {rows, columns}, or zeros. */
  public int[] size() {
    return attached.stream()
        .map(Attacher::request)
        .filter(r -> r.height() > 0 && r.width() > 0)
        .map(r -> new int[] {r.height(), r.width()})
        .findFirst()
        .orElse(new int[] {0, 0});
  }

  /** The job's process runs; input from clients now reaches it. */
  public void started(RunningJob job) {
    running.complete(job);
  }

  /** The job ended with {@code status}; each client gets it as the last frame. */
  public void exited(int status) {
    ended = "exited " + status;
    attached.forEach(a -> a.exited(status));
    attached.clear();
    running.completeExceptionally(new IllegalStateException("job ended"));
  }

  /** The job could not run; each client gets {@code error}. */
  public void failed(String error) {
    ended = error;
    attached.forEach(a -> a.failed(error));
    attached.clear();
    running.completeExceptionally(new IllegalStateException(error));
  }

  /**
   * Adds a client and tells it whether it waits for the job to start; false when the job has
   * already ended.
   */
  synchronized boolean attach(Attacher attacher) throws IOException {
    if (ended != null) {
      return false;
    }
    attacher.writer().state(starting ? AttachFrame.SUCCESS : AttachFrame.WAITING);
    attached.add(attacher);
    if (ended != null && attached.remove(attacher)) {
      return false; // ended while being added
    }
    return true;
  }

  void detach(Attacher attacher) {
    attached.remove(attacher);
  }

  boolean hasStarted() {
    return running.isDone();
  }

  /** The running job, waiting up to {@code timeout} for it to start; null if it did not. */
  RunningJob awaitRunning(Duration timeout) throws InterruptedException {
    try {
      return running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return null;
    }
  }
}
