package flynn.scheduler.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a formation asks for: a count per process type ({@code omni} types run that many on every
 * host), host tag constraints per type, the id of a pending scale request, if any, and the paths of
 * each type's persistent volumes.
 */
public record FormationState(
    FormationKey key,
    Map<String, Integer> processes,
    Set<String> omniTypes,
    Map<String, Map<String, String>> tags,
    Optional<String> pendingScaleRequest,
    Map<String, List<String>> volumePaths) {

  public FormationState(
      FormationKey key,
      Map<String, Integer> processes,
      Set<String> omniTypes,
      Map<String, Map<String, String>> tags,
      Optional<String> pendingScaleRequest) {
    this(key, processes, omniTypes, tags, pendingScaleRequest, Map.of());
  }

  public FormationState {
    volumePaths = Map.copyOf(volumePaths);
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

  public List<String> volumePathsOf(String type) {
    return volumePaths.getOrDefault(type, List.of());
  }

  public Map<String, String> tagsOf(String type) {
    return tags.getOrDefault(type, Map.of());
  }
}
