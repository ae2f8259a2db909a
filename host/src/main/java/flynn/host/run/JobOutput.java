package flynn.host.run;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every runner does with a job's process: its stdout and stderr read line by line into the
 * sink on named threads, drained before the exit is reported, and waits on that exit.
 */
public final class JobOutput implements OutputDrain {
  private static final Logger LOG = LoggerFactory.getLogger(JobOutput.class);

  /** How long output readers may lag behind the exit before the exit is reported anyway. */
  private static final Duration DRAIN = Duration.ofSeconds(2);

  private final List<Thread> readers;

  private JobOutput(List<Thread> readers) {
    this.readers = readers;
  }

  /** Starts reading the process's stdout and stderr into {@code sink}. */
  public static JobOutput read(String jobId, Process process, OutputSink sink) {
    return new JobOutput(
        List.of(
            reader(jobId, StdStream.STDOUT, process.getInputStream(), sink),
            reader(jobId, StdStream.STDERR, process.getErrorStream(), sink)));
  }

  /** Waits (bounded) until the readers have passed on every line the process wrote. */
  @Override
  public void drain() throws InterruptedException {
    for (Thread reader : readers) {
      reader.join(DRAIN);
    }
  }

  /** True once {@code exit} completed (normally or not) within {@code timeout}. */
  public static boolean awaitExit(CompletableFuture<Integer> exit, Duration timeout) {
    try {
      exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Thread reader(String jobId, StdStream stream, InputStream in, OutputSink sink) {
    return Thread.ofVirtual()
        .name("job-" + jobId + "-" + stream.wire())
        .start(() -> {
          try (in) {
            new LineSplitter().split(in, line -> sink.line(stream, line));
          } catch (IOException e) {
            LOG.debug("job={} stream={} event=output-closed error={}", jobId, stream.wire(), e);
          } catch (RuntimeException e) {
            LOG.error("job={} stream={} event=output-reader-died", jobId, stream.wire(), e);
          }
        });
  }
}
