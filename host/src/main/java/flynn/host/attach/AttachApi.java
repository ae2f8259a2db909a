package flynn.host.attach;

import flynn.api.attach.AttachFrame;
import flynn.api.attach.AttachFrameReader;
import flynn.api.attach.AttachFrameWriter;
import flynn.api.attach.AttachRequest;
import flynn.api.host.HostClient;
import flynn.api.http.ApiException;
import flynn.host.run.RunningJob;
import flynn.http.upgrade.Upgrade;
import flynn.http.upgrade.UpgradeRoute;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flynn's {@code POST /attach} ({@code Upgrade: flynn-attach/0}): after the switch, a state byte
 * (waiting, then success once the job starts), then the job's output frames one way and stdin,
 * signal and resize frames the other, and finally its exit status (or an error frame).
 */
public final class AttachApi {
  private static final Logger LOG = LoggerFactory.getLogger(AttachApi.class);

  /** How long a client may wait for a job that has not been added yet. */
  static final Duration START_WAIT = Duration.ofSeconds(60);

  static final String NOT_RUNNING = "host: job not running";
  static final int SIGHUP = 1;

  private final Function<String, Optional<JobConsole>> consoles;

  /**
   * @param consoles a job's console by id; empty when the job has ended
   */
  public AttachApi(Function<String, Optional<JobConsole>> consoles) {
    this.consoles = consoles;
  }

  public UpgradeRoute route() {
    return new UpgradeRoute("POST", "/attach", HostClient.ATTACH_PROTOCOL, this::attach);
  }

  private void attach(Upgrade upgrade) throws IOException, InterruptedException {
    AttachRequest request = upgrade.body(AttachRequest.class);
    if (request.jobId() == null || request.jobId().isBlank()) {
      throw ApiException.validation("job_id", "is required");
    }
    Upgrade.Streams streams = upgrade.switchProtocols();
    Attacher attacher = new Attacher(request, new AttachFrameWriter(streams.out()));
    Optional<JobConsole> console = consoles.apply(request.jobId());
    if (console.isEmpty() || !console.get().attach(attacher)) {
      attacher.failed(NOT_RUNNING);
      return;
    }
    LOG.info("job={} flags={} event=attached", request.jobId(), request.flags());
    serve(console.get(), attacher, streams.in());
    LOG.info("job={} event=detached", request.jobId());
  }

  private void serve(JobConsole console, Attacher attacher, InputStream in)
      throws InterruptedException {
    String jobId = attacher.request().jobId();
    Thread.ofVirtual()
        .name("attach-" + jobId + "-input")
        .start(() -> pumpInput(console, attacher, in));
    try {
      if (console.awaitRunning(START_WAIT) == null && !attacher.done().isDone()) {
        attacher.failed("host: job " + jobId + " did not start within " + START_WAIT);
      }
      attacher.done().join();
    } finally {
      console.detach(attacher);
    }
  }

  /** Client frames to the job until the client closes; a client that leaves closes its stdin. */
  private static void pumpInput(JobConsole console, Attacher attacher, InputStream in) {
    AttachFrameReader reader = new AttachFrameReader(in);
    RunningJob job = null;
    try {
      for (AttachFrame frame = reader.next(); frame != null; frame = reader.next()) {
        job = job != null ? job : console.awaitRunning(START_WAIT);
        if (job == null || !apply(frame, job, attacher.request())) {
          break;
        }
      }
    } catch (IOException e) {
      LOG.debug("job={} event=attach-input-closed error={}", attacher.request().jobId(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (!attacher.done().isDone()) {
        hangUp(job, attacher.request());
        attacher.done().complete(null);
      }
    }
  }

  /** Applies one client frame; false for a frame this protocol does not allow from a client. */
  static boolean apply(AttachFrame frame, RunningJob job, AttachRequest request)
      throws IOException {
    switch (frame) {
      case AttachFrame.Data d
          when d.stream() == AttachFrame.STDIN && request.wants(AttachRequest.STDIN) -> {
        if (d.eof()) {
          job.stdin().close();
        } else {
          job.stdin().write(d.bytes());
          job.stdin().flush();
        }
      }
      case AttachFrame.Signal s -> job.signal(s.signal());
      case AttachFrame.Resize r -> job.resize(r.height(), r.width());
      default -> {
        return false;
      }
    }
    return true;
  }

  private static void hangUp(RunningJob job, AttachRequest request) {
    if (job == null || !request.wants(AttachRequest.STDIN) || job.exit().isDone()) {
      return;
    }
    try {
      job.stdin().close();
    } catch (IOException ignored) {
      // already closed
    }
    job.signal(SIGHUP);
  }
}
