package flynn.host.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An attached job's output read in chunks as it comes (a prompt has no newline), on named threads,
 * and drained before the exit is reported.
 */
public final class RawOutput implements OutputDrain {
  private static final Logger LOG = LoggerFactory.getLogger(RawOutput.class);
  private static final int CHUNK = 8192;

  private final List<Thread> readers;

  private RawOutput(List<Thread> readers) {
    this.readers = readers;
  }

  /** Reads the process's stdout and stderr into {@code sink}. */
  public static RawOutput read(String jobId, Process process, Stdio.RawSink sink) {
    List<Thread> readers = new ArrayList<>();
    readers.add(virtual(jobId, StdStream.STDOUT, process.getInputStream(), sink));
    readers.add(virtual(jobId, StdStream.STDERR, process.getErrorStream(), sink));
    return new RawOutput(readers);
  }

  /** Reads one stream (a terminal's master) into {@code sink} as stdout on a platform thread. */
  public static RawOutput readTerminal(String jobId, InputStream terminal, Stdio.RawSink sink) {
    Thread reader =
        Thread.ofPlatform()
            .daemon()
            .name("job-" + jobId + "-tty")
            .start(() -> pump(jobId, StdStream.STDOUT, terminal, sink));
    return new RawOutput(List.of(reader));
  }

  private static Thread virtual(
      String jobId, StdStream stream, InputStream in, Stdio.RawSink sink) {
    return Thread.ofVirtual()
        .name("job-" + jobId + "-" + stream.wire())
        .start(() -> pump(jobId, stream, in, sink));
  }

  private static void pump(String jobId, StdStream stream, InputStream in, Stdio.RawSink sink) {
    byte[] buf = new byte[CHUNK];
    try (in) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        sink.write(stream, buf, n);
      }
    } catch (IOException e) {
      LOG.debug("job={} stream={} event=output-closed error={}", jobId, stream.wire(), e);
    } catch (RuntimeException e) {
      LOG.error("job={} stream={} event=output-reader-died", jobId, stream.wire(), e);
    }
  }

  @Override
  public void drain() throws InterruptedException {
    for (Thread reader : readers) {
      reader.join(java.time.Duration.ofSeconds(2));
    }
  }
}
