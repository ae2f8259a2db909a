package flynn.controller.jobs;

import flynn.api.attach.AttachFrame;
import flynn.api.attach.AttachFrameReader;
import flynn.api.attach.AttachRequest;
import flynn.api.controller.App;
import flynn.api.controller.Artifact;
import flynn.api.controller.Event;
import flynn.api.controller.Job;
import flynn.api.controller.JobState;
import flynn.api.controller.NewJob;
import flynn.api.controller.Release;
import flynn.api.host.HostJob;
import flynn.api.http.ApiException;
import flynn.api.http.UpgradedConnection;
import flynn.controller.apps.AppLookup;
import flynn.controller.artifacts.ArtifactStore;
import flynn.controller.cluster.Hosts;
import flynn.controller.db.Ids;
import flynn.controller.events.EventStore;
import flynn.controller.releases.ReleaseService;
import flynn.http.upgrade.Upgrade;
import java.io.IOException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Jobs: the scheduler's records of them, kills, and one-off runs. */
public final class JobService {
  private static final Logger LOG = LoggerFactory.getLogger(JobService.class);

  private final Jdbi jdbi;
  private final Hosts hosts;

  public JobService(Jdbi jdbi, Hosts hosts) {
    this.jdbi = jdbi;
    this.hosts = hosts;
  }

  public List<Job> list(String appKey) {
    return jdbi.withHandle(h -> new JobStore(h).listByApp(AppLookup.require(h, appKey).id()));
  }

  public List<Job> listActive() {
    return jdbi.withHandle(h -> new JobStore(h).listActive());
  }

  public Job get(String appKey, String idOrUuid) {
    return jdbi.withHandle(h -> require(h, AppLookup.require(h, appKey), idOrUuid));
  }

  private static Job require(Handle h, App app, String idOrUuid) {
    return new JobStore(h)
        .find(idOrUuid)
        .filter(j -> app.id().equals(j.app()))
        .orElseThrow(() -> ApiException.notFound("job", idOrUuid));
  }

  /** Records the scheduler's view of a job; an update that would revive a down job is ignored. */
  public Job put(String appKey, String uuid, Job update) {
    return jdbi.inTransaction(h -> {
      App app = AppLookup.require(h, appKey);
      if (update.release() != null) {
        ReleaseService.require(h, update.release());
      }
      JobStore store = new JobStore(h);
      Job existing = store.findForUpdate(uuid).orElse(null);
      var accepted = JobUpdates.apply(app.id(), uuid, update, existing);
      if (accepted.isEmpty()) {
        LOG.info("ignored job update job={} from={} to={}", uuid, existing.state(), update.state());
        return existing;
      }
      return record(h, accepted.get());
    });
  }

  private static Job record(Handle h, Job job) {
    Job saved = new JobStore(h).upsert(job);
    new EventStore(h)
        .appendUnique(
            saved.app(), Event.JOB, saved.uuid(), saved.uuid() + "|" + saved.state(), saved);
    return saved;
  }

  /** Asks the job's host to stop it; the scheduler then records it down. */
  public void kill(String appKey, String idOrUuid) {
    Job job = get(appKey, idOrUuid);
    if (job.hostId() == null) {
      throw ApiException.validation("", "cannot kill a job which has not been placed on a host");
    }
    Hosts.Host host = hosts.byId(job.hostId());
    LOG.info("killing job job={} host={}", job.id(), host.id());
    host.client().stopJob(job.id());
  }

  /** Starts a detached one-off job on some host and records it as starting. */
  public Job run(String appKey, NewJob req) {
    Placed placed = place(appKey, req, false);
    return start(placed);
  }

  /**
   * Runs a one-off job attached, as Flynn's controller did: attaches to the job on its host first
   * (so no output is lost), starts it, waits for the host to report it attached, then switches the
   * client's connection and relays the frames both ways until either side ends.
   */
  public void runAttached(String appKey, NewJob req, Upgrade upgrade) throws IOException {
    Placed placed = place(appKey, req, true);
    AttachRequest attach =
        AttachRequest.interactive(
            placed.hostJob().id(), orZero(req.lines()), orZero(req.columns()));
    try (UpgradedConnection host = placed.host().client().attach(attach)) {
      AttachFrameReader frames = new AttachFrameReader(host.input());
      AttachFrame state = requireAttached(frames.state(), "attach failed: ");
      start(placed);
      if (state instanceof AttachFrame.State s && s.state() == AttachFrame.WAITING) {
        requireAttached(frames.state(), "attach wait failed: ");
      }
      Upgrade.Streams client = upgrade.switchProtocols();
      AttachRelay.relay(placed.hostJob().id(), client, host);
    }
  }

  private static AttachFrame requireAttached(AttachFrame state, String what) {
    if (state instanceof AttachFrame.Error e) {
      throw new ApiException(500, ApiException.UNKNOWN_ERROR, what + e.message(), null);
    }
    if (!(state instanceof AttachFrame.State)) {
      throw new ApiException(500, ApiException.UNKNOWN_ERROR, what + "unexpected " + state, null);
    }
    return state;
  }

  private static int orZero(Integer n) {
    return n == null ? 0 : n;
  }

  /** A one-off job placed on a host, not yet started. */
  private record Placed(App app, Release release, Hosts.Host host, HostJob hostJob, String uuid) {}

  private Placed place(String appKey, NewJob req, boolean attached) {
    boolean hasRelease = req.release() != null && !req.release().isBlank();
    App app = jdbi.withHandle(h -> AppLookup.require(h, appKey));
    Release release =
        hasRelease ? jdbi.withHandle(h -> ReleaseService.require(h, req.release())) : null;
    List<String> artifactIds = OneOffJob.artifactIds(req, release);
    List<Artifact> artifacts = jdbi.withHandle(h -> requireArtifacts(h, artifactIds));
    Hosts.Host host = hosts.any();
    String uuid = Ids.random();
    HostJob hostJob =
        attached
            ? OneOffJob.attachedHostJob(app, release, artifacts, req, host.id(), uuid)
            : OneOffJob.hostJob(app, release, artifacts, req, host.id(), uuid);
    return new Placed(app, release, host, hostJob, uuid);
  }

  private static List<Artifact> requireArtifacts(Handle h, List<String> ids) {
    ArtifactStore store = new ArtifactStore(h);
    return ids.stream()
        .map(id ->
            Ids.parse(id)
                .flatMap(store::find)
                .orElseThrow(
                    () -> ApiException.validation("artifacts", "no artifact with id " + id)))
        .toList();
  }

  private Job start(Placed p) {
    Job job =
        jdbi.inTransaction(h ->
            record(
                h, OneOffJob.recorded(p.app(), p.release(), p.hostJob(), p.host().id(), p.uuid())));
    try {
      p.host().client().addJob(p.hostJob());
    } catch (ApiException e) {
      recordFailure(job, e);
      throw e;
    }
    LOG.info("started one-off job app={} job={} host={}", p.app().name(), job.id(), p.host().id());
    return job;
  }

  private void recordFailure(Job job, ApiException e) {
    Job failed =
        new Job(
            job.id(),
            job.uuid(),
            job.hostId(),
            job.app(),
            job.release(),
            job.type(),
            JobState.FAILED,
            job.args(),
            job.volumes(),
            job.meta(),
            null,
            e.getMessage(),
            null,
            null,
            null,
            null);
    jdbi.useTransaction(h -> record(h, failed));
  }
}
