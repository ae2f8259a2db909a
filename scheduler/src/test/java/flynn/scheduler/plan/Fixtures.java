package flynn.scheduler.plan;

import flynn.scheduler.plan.JobState.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Plain values for reconciler tests. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2024-01-01T12:00:00Z");
  static final FormationKey DEMO = new FormationKey("app-demo", "rel-1");

  private Fixtures() {}

  static FormationState formation(Map<String, Integer> processes) {
    return new FormationState(DEMO, processes, Set.of(), Map.of(), Optional.empty());
  }

  static FormationState omni(String type, int count) {
    return new FormationState(DEMO, Map.of(type, count), Set.of(type), Map.of(), Optional.empty());
  }

  static FormationState tagged(String type, int count, Map<String, String> tags) {
    return new FormationState(
        DEMO, Map.of(type, count), Set.of(), Map.of(type, tags), Optional.empty());
  }

  static FormationState withScaleRequest(Map<String, Integer> processes, String requestId) {
    return new FormationState(DEMO, processes, Set.of(), Map.of(), Optional.of(requestId));
  }

  static HostState host(String id) {
    return new HostState(id, Map.of(), true);
  }

  static HostState notReady(String id) {
    return new HostState(id, Map.of(), false);
  }

  /** A web job created {@code ageSeconds} ago. */
  static JobState job(String uuid, String hostId, Status status, long ageSeconds) {
    Instant created = NOW.minusSeconds(ageSeconds);
    Instant up = status == Status.UP ? created : null;
    return new JobState(uuid, hostId, DEMO, "web", status, 0, created, null, up, null, false);
  }

  static JobState job(String uuid, String hostId, Status status) {
    return job(uuid, hostId, status, 60);
  }

  static JobState typed(String uuid, String type, Status status) {
    return new JobState(uuid, "h1", DEMO, type, status, 0, NOW, null, NOW, null, false);
  }

  static JobState oneOff(String uuid, Status status) {
    return new JobState(uuid, "h1", DEMO, null, status, 0, NOW, null, NOW, null, false);
  }

  static JobState pendingUntil(String uuid, Instant runAt) {
    return new JobState(uuid, "h1", DEMO, "web", Status.PENDING, 1, NOW, runAt, null, null, false);
  }

  /** A web job that crashed just now after being up for {@code uptime}. */
  static JobState crashed(String uuid, int restarts, Duration uptime) {
    return new JobState(
        uuid,
        "h1",
        DEMO,
        "web",
        Status.DOWN,
        restarts,
        NOW.minus(uptime),
        null,
        NOW.minus(uptime),
        NOW,
        true);
  }
}
