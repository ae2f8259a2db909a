package flynn.scheduler.plan;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a formation asks for: a count per process type ({@code omni} types run that many on every
 * host), host tag constraints per type, and the id of a pending scale request, if any.
 */
public record FormationState(
    FormationKey key,
    Map<String, Integer> processes,
    Set<String> omniTypes,
    Map<String, Map<String, String>> tags,
    Optional<String> pendingScaleRequest) {

  public FormationState {
    processes = Map.copyOf(processes);
    omniTypes = Set.copyOf(omniTypes);
    tags = Map.copyOf(tags);
  }

  public int count(String type) {
    return processes.getOrDefault(type, 0);
  }

  public boolean isOmni(String type) {
    return omniTypes.contains(type);
  }

  public Map<String, String> tagsOf(String type) {
    return tags.getOrDefault(type, Map.of());
  }
}
