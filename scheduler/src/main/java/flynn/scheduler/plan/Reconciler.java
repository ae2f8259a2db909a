package flynn.scheduler.plan;

import flynn.scheduler.plan.JobState.Status;
import flynn.scheduler.plan.Plan.Blocked;
import flynn.scheduler.plan.Plan.ScaleDone;
import flynn.scheduler.plan.Plan.StartJob;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The scheduler's decision: given what formations ask for, which hosts are live and which jobs
 * exist, what to start, stop and complete. A pure function of its arguments; the loop around it
 * does the I/O.
 */
public final class Reconciler {
  /** Which surplus job to stop first: pending, then starting, then up; newest first. */
  static final Comparator<JobState> STOP_ORDER =
      Comparator.comparing(JobState::status)
          .thenComparing(
              JobState::createdAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
          .thenComparing(JobState::uuid);

  private Reconciler() {}

  public static Plan plan(
      List<FormationState> formations, List<HostState> hosts, List<JobState> jobs, Instant now) {
    return plan(formations, hosts, jobs, List.of(), now);
  }

  /**
   * @param volumes the persistent volumes known; new jobs of types with volumes reuse free ones and
   *     run where they are (see {@link VolumeAssignment})
   */
  public static Plan plan(
      List<FormationState> formations,
      List<HostState> hosts,
      List<JobState> jobs,
      List<VolumeState> volumes,
      Instant now) {
    List<HostState> live = hosts.stream().sorted(Comparator.comparing(HostState::id)).toList();
    Set<String> liveIds = live.stream().map(HostState::id).collect(Collectors.toSet());
    List<JobState> lost = jobs.stream().filter(j -> isLost(j, liveIds)).toList();
    List<JobState> current =
        jobs.stream().map(j -> lost.contains(j) ? markLost(j, now) : j).toList();

    List<JobState> stops = new ArrayList<>();
    List<StartJob> starts = new ArrayList<>();
    List<Blocked> blocked = new ArrayList<>();
    List<ScaleDone> scaleDone = new ArrayList<>();
    Volumes v =
        new Volumes(
            volumes,
            heldBy(volumes, current, s -> s != Status.DOWN),
            heldBy(volumes, current, s -> s == Status.STOPPING));
    for (FormationState f : sortedByKey(formations)) {
      for (String type : typesOf(f, current)) {
        TypeStep step = converge(f, type, live, current, v, now);
        stops.addAll(step.stops());
        starts.addAll(step.starts());
        step.blocked().ifPresent(blocked::add);
      }
      scaleRequestDone(f, live, current).ifPresent(scaleDone::add);
    }
    stops.addAll(orphans(formations, current));
    List<JobState> launches = due(current, stops, now);
    return new Plan(lost, stops, starts, launches, scaleDone, blocked);
  }

  /** One formation type's share of the plan. */
  private record TypeStep(List<JobState> stops, List<StartJob> starts, Optional<Blocked> blocked) {}

  /**
   * The known volumes, the ids held by live jobs (a stopping job still has its data open) or given
   * out so far in this plan, and those held by stopping jobs.
   */
  private record Volumes(List<VolumeState> all, Set<String> taken, Set<String> releasing) {}

  private static Set<String> heldBy(
      List<VolumeState> volumes, List<JobState> jobs, Predicate<Status> status) {
    Set<String> live =
        jobs.stream()
            .filter(j -> status.test(j.status()))
            .map(JobState::uuid)
            .collect(Collectors.toSet());
    return volumes.stream()
        .filter(v -> v.jobUuid() != null && live.contains(v.jobUuid()))
        .map(VolumeState::id)
        .collect(Collectors.toCollection(java.util.HashSet::new));
  }

  private static TypeStep converge(
      FormationState f,
      String type,
      List<HostState> hosts,
      List<JobState> jobs,
      Volumes volumes,
      Instant now) {
    List<JobState> active = active(jobs, f.key(), type);
    int desired = desired(f, type, hosts);
    if (active.size() > desired) {
      List<JobState> surplus =
          active.stream().sorted(STOP_ORDER).limit(active.size() - desired).toList();
      return new TypeStep(surplus, List.of(), Optional.empty());
    }
    return place(
        f,
        type,
        desired - active.size(),
        new Placing(hosts, active, crashed(jobs, f.key(), type), volumes),
        now);
  }

  /** What placing a type's missing jobs works from. */
  private record Placing(
      List<HostState> hosts, List<JobState> active, Deque<JobState> crashed, Volumes volumes) {}

  private static TypeStep place(
      FormationState f, String type, int missing, Placing in, Instant now) {
    Placement placement =
        f.isOmni(type)
            ? Placement.omni(in.hosts(), f.tagsOf(type), in.active(), f.count(type))
            : Placement.spread(in.hosts(), f.tagsOf(type), in.active());
    List<StartJob> starts = new ArrayList<>();
    for (int i = 0; i < missing; i++) {
      Optional<VolumeAssignment.Pinned> where = pick(f, type, placement, in.volumes());
      if (where.isEmpty()) {
        return new TypeStep(
            List.of(), starts, Optional.of(new Blocked(f.key(), type, missing - i)));
      }
      starts.add(start(f.key(), type, where.get(), in.crashed().poll(), now));
    }
    return new TypeStep(List.of(), starts, Optional.empty());
  }

  /** The host (and the existing volumes) of the next job, or empty when it must wait. */
  private static Optional<VolumeAssignment.Pinned> pick(
      FormationState f, String type, Placement placement, Volumes volumes) {
    var choice =
        VolumeAssignment.choose(
            f.key().app(),
            type,
            f.volumePathsOf(type),
            volumes.all(),
            volumes.taken(),
            volumes.releasing(),
            placement.candidateIds());
    return switch (choice) {
      case VolumeAssignment.Pinned p -> {
        placement.take(p.hostId());
        volumes.taken().addAll(p.volumes().values());
        yield Optional.of(p);
      }
      case VolumeAssignment.Waiting w -> Optional.empty();
      case VolumeAssignment.Anywhere a ->
          placement.next().map(host -> new VolumeAssignment.Pinned(host, Map.of()));
    };
  }

  private static StartJob start(
      FormationKey key,
      String type,
      VolumeAssignment.Pinned where,
      JobState replaced,
      Instant now) {
    if (replaced == null) {
      return new StartJob(key, type, where.hostId(), 0, now, null, where.volumes());
    }
    RestartPolicy.Restart restart = RestartPolicy.after(replaced, now);
    return new StartJob(
        key,
        type,
        where.hostId(),
        restart.restarts(),
        restart.notBefore(),
        replaced.uuid(),
        where.volumes());
  }

  static int desired(FormationState f, String type, List<HostState> hosts) {
    if (!f.isOmni(type)) {
      return f.count(type);
    }
    long matching = hosts.stream().filter(h -> h.matches(f.tagsOf(type))).count();
    return f.count(type) * (int) matching;
  }

  private static Optional<ScaleDone> scaleRequestDone(
      FormationState f, List<HostState> hosts, List<JobState> jobs) {
    if (f.pendingScaleRequest().isEmpty()) {
      return Optional.empty();
    }
    for (String type : typesOf(f, jobs)) {
      int desired = desired(f, type, hosts);
      long up = count(jobs, f.key(), type, s -> s == Status.UP);
      long present = count(jobs, f.key(), type, s -> s != Status.DOWN);
      if (up != desired || present != desired) {
        return Optional.empty();
      }
    }
    return Optional.of(new ScaleDone(f.key(), f.pendingScaleRequest().get()));
  }

  /** Active formation jobs whose formation no longer exists: all of them stop. */
  private static List<JobState> orphans(List<FormationState> formations, List<JobState> jobs) {
    Set<FormationKey> known =
        formations.stream().map(FormationState::key).collect(Collectors.toSet());
    return jobs.stream()
        .filter(j -> j.isFormationJob() && j.status().isActive() && !known.contains(j.formation()))
        .sorted(STOP_ORDER)
        .toList();
  }

  private static List<JobState> due(List<JobState> jobs, List<JobState> stopping, Instant now) {
    Set<String> stopped = stopping.stream().map(JobState::uuid).collect(Collectors.toSet());
    return jobs.stream()
        .filter(j -> j.status() == Status.PENDING && !stopped.contains(j.uuid()))
        .filter(j -> j.runAt() == null || !j.runAt().isAfter(now))
        .toList();
  }

  private static boolean isLost(JobState job, Set<String> liveHosts) {
    return job.status() != Status.DOWN
        && (job.hostId() == null || !liveHosts.contains(job.hostId()));
  }

  private static JobState markLost(JobState job, Instant now) {
    return job.down(now, job.status() != Status.STOPPING);
  }

  private static Set<String> typesOf(FormationState f, List<JobState> jobs) {
    Set<String> types = new TreeSet<>(f.processes().keySet());
    jobs.stream()
        .filter(j -> j.isFormationJob() && j.formation().equals(f.key()))
        .map(JobState::type)
        .forEach(types::add);
    return types;
  }

  private static List<JobState> active(List<JobState> jobs, FormationKey key, String type) {
    return jobs.stream().filter(j -> j.belongsTo(key, type) && j.status().isActive()).toList();
  }

  /** Crashed jobs waiting for a replacement, the earliest crash first. */
  private static Deque<JobState> crashed(List<JobState> jobs, FormationKey key, String type) {
    return jobs.stream()
        .filter(j -> j.belongsTo(key, type) && j.isCrashed())
        .sorted(
            Comparator.comparing(JobState::downAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(JobState::uuid))
        .collect(Collectors.toCollection(ArrayDeque::new));
  }

  private static long count(
      List<JobState> jobs, FormationKey key, String type, Predicate<Status> status) {
    return jobs.stream().filter(j -> j.belongsTo(key, type) && status.test(j.status())).count();
  }

  private static List<FormationState> sortedByKey(List<FormationState> formations) {
    Map<FormationKey, FormationState> byKey =
        formations.stream()
            .collect(
                Collectors.toMap(
                    FormationState::key, Function.identity(), (a, b) -> b, TreeMap::new));
    return List.copyOf(byKey.values());
  }
}
