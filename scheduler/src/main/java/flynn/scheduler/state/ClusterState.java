package flynn.scheduler.state;

import flynn.api.controller.ExpandedFormation;
import flynn.api.controller.Job;
import flynn.api.controller.Volume;
import flynn.api.host.ActiveJob;
import flynn.api.host.HostEvent;
import flynn.api.host.JobStatus;
import flynn.scheduler.jobs.ControllerJobs;
import flynn.scheduler.jobs.HostJobEvents;
import flynn.scheduler.jobs.JobIds;
import flynn.scheduler.jobs.TrackedJob;
import flynn.scheduler.plan.FormationKey;
import flynn.scheduler.plan.FormationState;
import flynn.scheduler.plan.HostState;
import flynn.scheduler.plan.JobState;
import flynn.scheduler.plan.JobState.Status;
import flynn.scheduler.plan.VolumeState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the scheduler knows of the cluster: formations, live hosts and jobs. Owned by the loop
 * thread (not thread-safe). Methods that change jobs return the changed jobs so the caller can
 * persist them.
 */
public final class ClusterState {
  /** A job the host has not listed yet may still be on its way there. */
  static final Duration LAUNCH_GRACE = Duration.ofSeconds(30);

  /** How long a crashed job is kept to pass its restart count on to a replacement. */
  static final Duration CRASH_MEMORY = Duration.ofMinutes(10);

  private final Map<FormationKey, ExpandedFormation> formations = new HashMap<>();
  private final Map<String, HostInfo> hosts = new HashMap<>();
  private final Set<String> readyHosts = new HashSet<>();
  private final Map<String, TrackedJob> jobs = new HashMap<>();
  private final Map<String, Volume> volumes = new HashMap<>();
  private boolean formationsLoaded;
  private boolean hostsLoaded;
  private boolean jobsLoaded;
  private boolean volumesLoaded;

  /** True once formations, hosts, volumes and the controller's active jobs have been loaded. */
  public boolean isLoaded() {
    return formationsLoaded && hostsLoaded && jobsLoaded && volumesLoaded;
  }

  // volumes

  /**
   * The controller's volume list. The scheduler writes where volumes are and which job has them, so
   * its own records win over a listing that may predate its writes; the controller adds what the
   * scheduler does not know of and says which volumes are decommissioned.
   */
  public void mergeVolumes(List<Volume> listed) {
    for (Volume v : listed) {
      volumes.merge(v.id(), v, (mine, theirs) -> withDecommission(mine, theirs));
    }
    volumesLoaded = true;
  }

  public void putVolume(Volume v) {
    volumes.put(v.id(), v);
  }

  public Map<String, Volume> volumes() {
    return Map.copyOf(volumes);
  }

  /** The persistent volumes last given to job {@code uuid}. */
  public List<Volume> volumesOf(String uuid) {
    return volumes.values().stream()
        .filter(v -> uuid.equals(JobIds.uuidOf(v.job()).orElse(null)))
        .toList();
  }

  public List<VolumeState> volumeStates() {
    return volumes.values().stream().map(VolumeStates::of).toList();
  }

  private static Volume withDecommission(Volume mine, Volume theirs) {
    if (theirs.decommissionedAt() == null || mine.decommissionedAt() != null) {
      return mine;
    }
    return mine.withDecommissionedAt(theirs.decommissionedAt());
  }

  // formations

  /**
   * A full list of active formations. Known formations missing from it are dropped, except empty
   * ones still waiting for their scale request to complete.
   */
  public void replaceFormations(List<ExpandedFormation> active) {
    Map<FormationKey, ExpandedFormation> kept = new HashMap<>();
    formations.forEach((key, f) -> {
      if (Formations.isEmpty(f) && Formations.pendingScaleRequest(f).isPresent()) {
        kept.put(key, f);
      }
    });
    formations.clear();
    formations.putAll(kept);
    active.forEach(this::updateFormation);
    formationsLoaded = true;
  }

  public void updateFormation(ExpandedFormation f) {
    if (f.app() == null || f.release() == null) {
      return;
    }
    if (Formations.isDeleted(f)) {
      formations.remove(Formations.keyOf(f));
    } else {
      formations.put(Formations.keyOf(f), f);
    }
  }

  public Optional<ExpandedFormation> formation(FormationKey key) {
    return Optional.ofNullable(formations.get(key));
  }

  /** Forgets a scale request once it is marked complete, so it is completed only once. */
  public void clearScaleRequest(FormationKey key, String requestId) {
    formations.computeIfPresent(
        key,
        (k, f) ->
            Formations.pendingScaleRequest(f).filter(requestId::equals).isPresent()
                ? withoutScaleRequest(f)
                : f);
  }

  // hosts

  /** Returns true when the host is new. */
  public boolean addHost(HostInfo host) {
    return hosts.put(host.id(), host) == null;
  }

  public Optional<HostInfo> removeHost(String id) {
    readyHosts.remove(id);
    return Optional.ofNullable(hosts.remove(id));
  }

  public Optional<HostInfo> host(String id) {
    return Optional.ofNullable(hosts.get(id));
  }

  public Set<String> hostIds() {
    return Set.copyOf(hosts.keySet());
  }

  public void hostsLoaded() {
    hostsLoaded = true;
  }

  // jobs

  public List<TrackedJob> loadActiveJobs(List<Job> active, Instant now) {
    List<TrackedJob> added = new ArrayList<>();
    for (Job job : active) {
      if (job.uuid() != null && job.app() != null && !jobs.containsKey(job.uuid())) {
        TrackedJob tracked = ControllerJobs.fromJob(job, now);
        jobs.put(job.uuid(), tracked);
        added.add(tracked);
      }
    }
    jobsLoaded = true;
    return added;
  }

  /**
   * A host's full job list: updates what it reports, and marks down the jobs believed on that host
   * that it no longer has. The host is ready for new jobs afterwards.
   */
  public List<TrackedJob> applyHostJobs(String hostId, List<ActiveJob> listed, Instant now) {
    if (!hosts.containsKey(hostId)) {
      return List.of();
    }
    List<TrackedJob> changed = new ArrayList<>();
    Set<String> present = new HashSet<>();
    for (ActiveJob report : listed) {
      if (report.status() != null) {
        apply(hostId, report, report.status(), now).ifPresent(changed::add);
      }
      if (report.job() != null) {
        JobIds.uuidOf(report.job().id()).ifPresent(present::add);
      }
    }
    for (TrackedJob job : List.copyOf(jobs.values())) {
      if (isMissingFrom(job.state(), hostId, present, now)) {
        TrackedJob down = job.with(job.state().down(now, job.state().status() != Status.STOPPING));
        jobs.put(down.uuid(), down);
        changed.add(down);
      }
    }
    readyHosts.add(hostId);
    return changed;
  }

  public Optional<TrackedJob> applyHostEvent(String hostId, HostEvent event, Instant now) {
    if (event.job() == null || !hosts.containsKey(hostId)) {
      return Optional.empty();
    }
    return HostJobEvents.statusOf(event).flatMap(s -> apply(hostId, event.job(), s, now));
  }

  public Optional<TrackedJob> job(String uuid) {
    return Optional.ofNullable(jobs.get(uuid));
  }

  public void put(TrackedJob job) {
    jobs.put(job.uuid(), job);
  }

  public void forget(String uuid) {
    jobs.remove(uuid);
  }

  /**
   * Drops down jobs that no longer matter: one-offs, jobs stopped on purpose, and crashes old
   * enough that no replacement will look at them.
   */
  public void prune(Instant now) {
    jobs.values()
        .removeIf(j ->
            j.state().status() == Status.DOWN
                && (!j.state().isCrashed()
                    || !j.state().isFormationJob()
                    || j.state().downAt() == null
                    || j.state().downAt().isBefore(now.minus(CRASH_MEMORY))));
  }

  // snapshot for the reconciler

  public List<FormationState> formationStates() {
    return formations.values().stream().map(Formations::toState).toList();
  }

  public List<HostState> hostStates() {
    return hosts.values().stream()
        .map(h -> new HostState(h.id(), h.tags(), readyHosts.contains(h.id())))
        .toList();
  }

  public List<JobState> jobStates() {
    return jobs.values().stream().map(TrackedJob::state).toList();
  }

  public Collection<TrackedJob> jobs() {
    return List.copyOf(jobs.values());
  }

  private Optional<TrackedJob> apply(
      String hostId, ActiveJob report, JobStatus status, Instant now) {
    String uuid = report.job() == null ? null : JobIds.uuidOf(report.job().id()).orElse(null);
    if (uuid == null) {
      return Optional.empty();
    }
    Optional<TrackedJob> changed = HostJobEvents.apply(jobs.get(uuid), hostId, report, status, now);
    changed.ifPresent(this::put);
    return changed;
  }

  private static boolean isMissingFrom(
      JobState job, String hostId, Set<String> present, Instant now) {
    if (!hostId.equals(job.hostId()) || present.contains(job.uuid())) {
      return false;
    }
    Status s = job.status();
    if (s == Status.PENDING || s == Status.DOWN) {
      return false;
    }
    if (s != Status.STARTING) {
      return true; // the host reported it running before: not listed now means gone
    }
    Instant launched =
        job.runAt() != null && job.runAt().isAfter(job.createdAt()) ? job.runAt() : job.createdAt();
    return launched.isBefore(now.minus(LAUNCH_GRACE));
  }

  private static ExpandedFormation withoutScaleRequest(ExpandedFormation f) {
    return new ExpandedFormation(
        f.app(),
        f.release(),
        f.artifacts(),
        f.processes(),
        f.tags(),
        f.updatedAt(),
        f.deleted(),
        null);
  }
}
