package flynn.cli.jobs;

import flynn.api.attach.AttachFrame;
import flynn.api.attach.AttachFrameReader;
import flynn.api.attach.AttachFrameWriter;
import flynn.api.http.UpgradedConnection;
import flynn.cli.CliException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The client side of an attached run: the user's input as stdin frames (EOF as an empty frame),
 * output frames to the CLI's stdout and stderr, terminal size changes as resize frames, and the
 * job's exit status as the result.
 */
final class AttachedRun {
  private static final Duration SIZE_POLL = Duration.ofMillis(500);

  private final UpgradedConnection conn;
  private final AttachFrameWriter writer;

  AttachedRun(UpgradedConnection conn) {
    this.conn = conn;
    this.writer = new AttachFrameWriter(conn.output());
  }

  /** Relays until the job exits; returns its exit status. */
  int run(InputStream stdin, OutputStream stdout, OutputStream stderr, boolean tty)
      throws IOException {
    Thread input = Thread.ofPlatform().daemon().name("run-stdin").start(() -> sendInput(stdin));
    Thread resizer = tty ? Thread.ofVirtual().name("run-resize").start(this::followSize) : null;
    try {
      return receive(stdout, stderr);
    } finally {
      input.interrupt();
      if (resizer != null) {
        resizer.interrupt();
      }
    }
  }

  private int receive(OutputStream stdout, OutputStream stderr) throws IOException {
    AttachFrameReader reader = new AttachFrameReader(conn.input());
    for (AttachFrame frame = reader.next(); frame != null; frame = reader.next()) {
      switch (frame) {
        case AttachFrame.Data d when !d.eof() -> {
          OutputStream out = d.stream() == AttachFrame.STDERR ? stderr : stdout;
          out.write(d.bytes());
          out.flush();
        }
        case AttachFrame.Exit e -> {
          return e.status();
        }
        case AttachFrame.Error e -> throw new CliException(e.message());
        default -> {
          // end of a stream, or a state byte: nothing to show
        }
      }
    }
    throw new CliException("the connection to the job closed before it exited");
  }

  private void sendInput(InputStream stdin) {
    byte[] buf = new byte[8192];
    try {
      for (int n = stdin.read(buf); n >= 0; n = stdin.read(buf)) {
        writer.data(AttachFrame.STDIN, buf, 0, n);
      }
      writer.eof(AttachFrame.STDIN);
    } catch (IOException e) {
      // the job ended and the connection closed; input is moot
    }
  }

  /** The JDK cannot catch SIGWINCH, so the size is polled; a change becomes a resize frame. */
  private void followSize() {
    Optional<int[]> last = Terminal.size();
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(SIZE_POLL);
        Optional<int[]> now = Terminal.size();
        if (now.isPresent() && (last.isEmpty() || !Arrays.equals(now.get(), last.get()))) {
          writer.resize(now.get()[0], now.get()[1]);
          last = now;
        }
      }
    } catch (InterruptedException | IOException e) {
      // the run ended
    }
  }
}
