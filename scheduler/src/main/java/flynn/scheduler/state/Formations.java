package flynn.scheduler.state;

import flynn.api.controller.ExpandedFormation;
import flynn.api.controller.ProcessType;
import flynn.api.controller.ScaleRequest;
import flynn.scheduler.jobs.JobVolumes;
import flynn.scheduler.plan.FormationKey;
import flynn.scheduler.plan.FormationState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads what the reconciler needs out of the controller's expanded formations. */
public final class Formations {
  private Formations() {}

  public static FormationKey keyOf(ExpandedFormation f) {
    return new FormationKey(f.app().id(), f.release().id());
  }

  public static boolean isDeleted(ExpandedFormation f) {
    return Boolean.TRUE.equals(f.deleted());
  }

  /** No jobs wanted: deleted, or every count zero. */
  public static boolean isEmpty(ExpandedFormation f) {
    return isDeleted(f)
        || f.processes() == null
        || f.processes().values().stream().allMatch(n -> n == null || n <= 0);
  }

  public static Optional<String> pendingScaleRequest(ExpandedFormation f) {
    ScaleRequest r = f.pendingScaleRequest();
    if (r == null || r.id() == null || !ScaleRequest.PENDING.equals(r.state())) {
      return Optional.empty();
    }
    return Optional.of(r.id());
  }

  /** Counts only for process types the release defines; omni types and tags as given. */
  public static FormationState toState(ExpandedFormation f) {
    Map<String, ProcessType> defined =
        f.release().processes() == null ? Map.of() : f.release().processes();
    Map<String, Integer> counts = new HashMap<>();
    if (f.processes() != null && !isDeleted(f)) {
      f.processes()
          .forEach((type, n) -> {
            if (n != null && n > 0 && defined.containsKey(type)) {
              counts.put(type, n);
            }
          });
    }
    Set<String> omni = new HashSet<>();
    defined.forEach((type, p) -> {
      if (p != null && p.isOmni()) {
        omni.add(type);
      }
    });
    Map<String, List<String>> volumes = new HashMap<>();
    defined.forEach((type, p) -> {
      if (p != null && !JobVolumes.persistentPaths(p).isEmpty()) {
        volumes.put(type, JobVolumes.persistentPaths(p));
      }
    });
    return new FormationState(keyOf(f), counts, omni, tags(f), pendingScaleRequest(f), volumes);
  }

  private static Map<String, Map<String, String>> tags(ExpandedFormation f) {
    Map<String, Map<String, String>> tags = new HashMap<>();
    if (f.tags() != null) {
      f.tags().forEach((type, t) -> tags.put(type, t == null ? Map.of() : Map.copyOf(t)));
    }
    return tags;
  }
}
