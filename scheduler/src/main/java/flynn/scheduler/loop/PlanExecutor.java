package flynn.scheduler.loop;

import flynn.api.controller.ControllerClient;
import flynn.api.controller.ExpandedFormation;
import flynn.api.controller.ProcessType;
import flynn.api.controller.ScaleRequest;
import flynn.api.controller.Volume;
import flynn.api.host.HostClient;
import flynn.api.host.HostJob;
import flynn.api.http.ApiException;
import flynn.scheduler.io.Persister;
import flynn.scheduler.jobs.ControllerJobs;
import flynn.scheduler.jobs.HostJobFactory;
import flynn.scheduler.jobs.JobIds;
import flynn.scheduler.jobs.JobVolumes;
import flynn.scheduler.jobs.TrackedJob;
import flynn.scheduler.plan.FormationKey;
import flynn.scheduler.plan.JobState;
import flynn.scheduler.plan.JobState.Status;
import flynn.scheduler.plan.Plan;
import flynn.scheduler.state.ClusterState;
import flynn.scheduler.state.VolumeCleanup;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a plan on the loop thread: state changes happen at once (so the next plan sees them),
 * controller writes go through the persister, host calls run on virtual threads and report failures
 * back as inputs.
 */
final class PlanExecutor {
  private static final Logger log = LoggerFactory.getLogger(PlanExecutor.class);

  private final ClusterState state;
  private final ControllerClient controller;
  private final Persister persister;
  private final Function<String, Optional<HostClient>> hosts;
  private final ExecutorService calls;
  private final Consumer<Input> inputs;
  private final Set<String> deletingVolumes = new HashSet<>();

  PlanExecutor(
      ClusterState state,
      ControllerClient controller,
      Persister persister,
      Function<String, Optional<HostClient>> hosts,
      ExecutorService calls,
      Consumer<Input> inputs) {
    this.state = state;
    this.controller = controller;
    this.persister = persister;
    this.hosts = hosts;
    this.calls = calls;
    this.inputs = inputs;
  }

  void execute(Plan plan, Instant now) {
    plan.lost().forEach(j -> markLost(j, now));
    plan.stops().forEach(j -> stop(j, now));
    plan.starts().forEach(s -> start(s, now));
    plan.launches().forEach(this::launch);
    plan.scaleRequests().forEach(this::completeScaleRequest);
  }

  /** Records a job state change and queues it for the controller. */
  void record(TrackedJob job) {
    state.put(job);
    persister.submit(
        job.uuid(),
        "job " + job.uuid() + " " + ControllerJobs.stateName(job.state().status()),
        () -> controller.jobs().put(ControllerJobs.toJob(job)));
  }

  private void markLost(JobState job, Instant now) {
    state
        .job(job.uuid())
        .ifPresent(t -> {
          boolean crash = t.state().status() != Status.STOPPING;
          record(t.with(t.state().down(now, crash)).withOutcome(null, "host lost"));
          logAction("lost", t.state(), "");
        });
  }

  private void stop(JobState job, Instant now) {
    Optional<TrackedJob> tracked = state.job(job.uuid());
    if (tracked.isEmpty()) {
      return;
    }
    logAction("stop", job, "");
    if (job.status() == Status.PENDING) {
      record(tracked.get().with(job.down(now, false)));
      return;
    }
    record(tracked.get().with(job.withStatus(Status.STOPPING)));
    Optional<HostClient> host = hosts.apply(job.hostId());
    if (host.isEmpty()) {
      return;
    }
    String jobId = JobIds.of(job.hostId(), job.uuid());
    calls.execute(() -> {
      try {
        host.get().stopJob(jobId);
      } catch (ApiException e) {
        inputs.accept(new Input.StopFailed(job.uuid(), e.isNotFound(), e.getMessage()));
      }
    });
  }

  private void start(Plan.StartJob start, Instant now) {
    Optional<ExpandedFormation> formation = state.formation(start.formation());
    if (formation.isEmpty()) {
      return;
    }
    var process = formation.get().release().processes().get(start.type());
    var job =
        new JobState(
            UUID.randomUUID().toString(),
            start.hostId(),
            start.formation(),
            start.type(),
            Status.PENDING,
            start.restarts(),
            now,
            start.notBefore(),
            null,
            null,
            false);
    if (start.replaces() != null) {
      state.forget(start.replaces());
    }
    record(new TrackedJob(job, process.effectiveArgs(), null, null, null));
    claimVolumes(start, process, job, now);
    logAction(
        "start",
        job,
        " restarts="
            + start.restarts()
            + " not_before="
            + start.notBefore()
            + (start.replaces() == null ? "" : " replaces=" + start.replaces()));
    if (!start.notBefore().isAfter(now)) {
      launch(job);
    }
  }

  /** Records the job's persistent volumes: the free ones it was given and new ones. */
  private void claimVolumes(Plan.StartJob start, ProcessType process, JobState job, Instant now) {
    var owner =
        new JobVolumes.Owner(
            start.hostId(),
            start.formation().app(),
            start.formation().release(),
            JobIds.of(start.hostId(), job.uuid()),
            start.type(),
            now.atOffset(ZoneOffset.UTC));
    for (Volume v :
        JobVolumes.claim(
            process, start.volumes(), state.volumes(), owner, () -> UUID.randomUUID().toString())) {
      recordVolume(v);
      log.info(
          "action=volume app={} type={} path={} volume={} host={} job={}",
          appName(start.formation()),
          start.type(),
          v.path(),
          v.id(),
          v.hostId(),
          job.uuid());
    }
  }

  void recordVolume(Volume v) {
    state.putVolume(v);
    persister.submit(
        "volume " + v.id(),
        "volume " + v.id() + " " + v.state(),
        () -> controller.volumes().put(v));
  }

  /** Deletes decommissioned volumes on their hosts; each outcome comes back as an input. */
  void destroyVolumes(List<Volume> volumes) {
    for (Volume v : volumes) {
      Optional<HostClient> host = hosts.apply(v.hostId());
      if (host.isEmpty() || !deletingVolumes.add(v.id())) {
        continue;
      }
      log.info("action=volume_delete volume={} host={} app={}", v.id(), v.hostId(), v.app());
      calls.execute(() -> {
        try {
          host.get().deleteVolume(v.id());
          inputs.accept(new Input.VolumeDeleted(v.id(), null));
        } catch (ApiException e) {
          inputs.accept(new Input.VolumeDeleted(v.id(), e.isNotFound() ? null : e.getMessage()));
        } catch (RuntimeException e) {
          inputs.accept(new Input.VolumeDeleted(v.id(), e.toString()));
        }
      });
    }
  }

  /** A volume's deletion ended: destroyed, or to be tried again on a later pass. */
  void volumeDeleted(Input.VolumeDeleted deleted, Instant now) {
    deletingVolumes.remove(deleted.volumeId());
    Volume v = state.volumes().get(deleted.volumeId());
    if (v == null) {
      return;
    }
    if (deleted.error() != null) {
      log.warn("event=volume_delete_failed volume={} error=\"{}\"", v.id(), deleted.error());
      return;
    }
    recordVolume(VolumeCleanup.destroyed(v, now.atOffset(ZoneOffset.UTC)));
  }

  Set<String> deletingVolumes() {
    return Set.copyOf(deletingVolumes);
  }

  private void launch(JobState job) {
    Optional<TrackedJob> tracked = state.job(job.uuid());
    Optional<ExpandedFormation> formation = state.formation(job.formation());
    Optional<HostClient> host = hosts.apply(job.hostId());
    if (tracked.isEmpty() || formation.isEmpty() || host.isEmpty()) {
      return;
    }
    ProcessType process = formation.get().release().processes().get(job.type());
    HostJob hostJob =
        HostJobFactory.build(
            formation.get(),
            job.type(),
            job.hostId(),
            job.uuid(),
            JobVolumes.bindings(
                process, state.volumesOf(job.uuid()), () -> UUID.randomUUID().toString()));
    record(tracked.get().with(job.withStatus(Status.STARTING)));
    logAction("launch", job, "");
    calls.execute(() -> {
      try {
        host.get().addJob(hostJob);
      } catch (RuntimeException e) {
        inputs.accept(new Input.LaunchFailed(job.uuid(), e.getMessage()));
      }
    });
  }

  private void completeScaleRequest(Plan.ScaleDone done) {
    Optional<ScaleRequest> pending =
        state.formation(done.formation()).map(ExpandedFormation::pendingScaleRequest);
    if (pending.isEmpty()) {
      return;
    }
    ScaleRequest r = pending.get();
    FormationKey key = done.formation();
    var complete =
        new ScaleRequest(
            r.id(),
            key.app(),
            key.release(),
            ScaleRequest.COMPLETE,
            r.oldProcesses(),
            r.newProcesses(),
            r.oldTags(),
            r.newTags(),
            r.createdAt(),
            r.updatedAt());
    state.clearScaleRequest(key, r.id());
    // after the job states it counted, so no client sees it complete while ps shows a job starting
    persister.submitBarrier(
        "scale request " + r.id() + " complete",
        () -> controller.formations().scale(key.app(), key.release(), complete));
    log.info(
        "action=scale_complete app={} release={} scale_request={}",
        appName(key),
        key.release(),
        r.id());
  }

  private void logAction(String action, JobState job, String extra) {
    log.info(
        "action={} app={} type={} job={} host={}{}",
        action,
        appName(job.formation()),
        job.type(),
        job.uuid(),
        job.hostId(),
        extra);
  }

  private String appName(FormationKey key) {
    return state.formation(key).map(f -> f.app().name()).orElse(key.app());
  }
}
