package flynn.scheduler.plan;

import java.util.Map;

/**
 * A live host (registered in discoverd). {@code ready} is false until its job list is known; such a
 * host keeps its jobs but gets no new ones.
 */
public record HostState(String id, Map<String, String> tags, boolean ready) {

  public HostState {
    tags = Map.copyOf(tags);
  }

  public boolean matches(Map<String, String> required) {
    return required.entrySet().stream().allMatch(e -> e.getValue().equals(tags.get(e.getKey())));
  }
}
