package flynn.gitreceive.build;

import flynn.api.attach.AttachFrame;
import flynn.api.attach.AttachFrameReader;
import flynn.api.attach.AttachFrameWriter;
import flynn.api.http.UpgradedConnection;
import flynn.builder.BuildFailedException;
import flynn.builder.BuildInput;
import flynn.builder.BuildOutput;
import flynn.builder.BuildRequest;
import flynn.builder.BuildResult;
import flynn.gitreceive.push.PushFailedException;
import flynn.gitreceive.push.PushLog;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One build job, attached: writes the build input to its stdin, shows its stderr to the pusher line
 * by line, reads its stdout as the build output, and stops it when the pusher goes away or the
 * timeout passes. Each of these runs on its own named virtual thread; the frames are read on the
 * caller's.
 */
final class AttachedBuild {
  private static final Logger LOG = LoggerFactory.getLogger(AttachedBuild.class);
  private static final int SIGKILL = 9;
  private static final int PIPE_BYTES = 1 << 20;
  private static final Duration WATCH_EVERY = Duration.ofMillis(500);

  private final UpgradedConnection conn;
  private final AttachFrameWriter writer;
  private final PushLog log;
  private final String name;
  private final Clock clock;
  private volatile String stopped;

  AttachedBuild(UpgradedConnection conn, PushLog log, String name, Clock clock) {
    this.conn = conn;
    this.writer = new AttachFrameWriter(conn.output());
    this.log = log;
    this.name = name;
    this.clock = clock;
  }

  BuildResult run(BuildRequest request, Path outputDir, Duration timeout) throws IOException {
    PipedInputStream stdout = new PipedInputStream(PIPE_BYTES);
    CompletableFuture<BuildResult> result = new CompletableFuture<>();
    Thread input = Thread.ofVirtual().name("build-stdin-" + name).start(() -> sendInput(request));
    Thread output =
        Thread.ofVirtual()
            .name("build-stdout-" + name)
            .start(() -> readOutput(stdout, outputDir, result));
    Instant deadline = clock.instant().plus(timeout);
    Thread watch =
        Thread.ofVirtual().name("build-watch-" + name).start(() -> watch(deadline, timeout));
    int status;
    try (PipedOutputStream toOutput = new PipedOutputStream(stdout)) {
      status = relay(toOutput);
    } finally {
      watch.interrupt();
      input.interrupt();
    }
    if (stopped != null) {
      output.interrupt();
      throw new PushFailedException(stopped);
    }
    if (status != 0) {
      output.interrupt();
      throw new BuildFailedException("build failed (exit status " + status + ")");
    }
    return await(result);
  }

  /** Relays frames until the job exits; returns its exit status. */
  private int relay(OutputStream toOutput) throws IOException {
    LineSplitter stderr = new LineSplitter(log::line);
    AttachFrameReader frames = new AttachFrameReader(conn.input());
    try {
      for (AttachFrame frame = frames.next(); frame != null; frame = frames.next()) {
        switch (frame) {
          case AttachFrame.Data d when d.stream() == AttachFrame.STDERR -> stderr.accept(d.bytes());
          case AttachFrame.Data d when d.eof() -> toOutput.close();
          case AttachFrame.Data d -> toOutput.write(d.bytes());
          case AttachFrame.Exit e -> {
            return e.status();
          }
          case AttachFrame.Error e -> throw new PushFailedException("build job: " + e.message());
          default -> {}
        }
      }
    } catch (IOException e) {
      if (stopped == null) {
        throw e;
      }
    } finally {
      stderr.finish();
    }
    if (stopped != null) {
      return -1;
    }
    throw new PushFailedException("the build job's connection closed before it exited");
  }

  private void sendInput(BuildRequest request) {
    try (OutputStream stdin = new BufferedOutputStream(new StdinFrames(writer), 64 * 1024)) {
      BuildInput.write(request, stdin);
      stdin.flush();
      writer.eof(AttachFrame.STDIN);
    } catch (IOException | RuntimeException e) {
      LOG.info("build input not fully sent build={} reason={}", name, e.toString());
    }
  }

  private static void readOutput(
      PipedInputStream stdout, Path dir, CompletableFuture<BuildResult> result) {
    try (stdout) {
      result.complete(BuildOutput.read(stdout, dir));
    } catch (IOException | RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

  private void watch(Instant deadline, Duration timeout) {
    try {
      while (stopped == null) {
        Thread.sleep(WATCH_EVERY);
        if (log.cancelled()) {
          stop("build cancelled: the push was interrupted");
        } else if (clock.instant().isAfter(deadline)) {
          stop("build timed out after " + timeout.toMinutes() + " minutes");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Kills the job (SIGKILL through the attach connection) and drops the connection. */
  private void stop(String why) {
    stopped = why;
    LOG.info("stopping build build={} reason={}", name, why);
    log.line(why);
    try {
      writer.signal(SIGKILL);
    } catch (IOException e) {
      LOG.debug("signal not sent build={}: {}", name, e.toString());
    }
    conn.close();
  }

  private static BuildResult await(CompletableFuture<BuildResult> result) throws IOException {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PushFailedException("interrupted while reading the build output");
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case IOException io -> throw io;
        case RuntimeException r -> throw r;
        default -> throw new IOException(e.getCause());
      }
    }
  }
}
