package flynn.controller.events;

import java.util.List;

/**
 * Which events to read. Nulls and an empty type list mean "any"; {@code count} 0 means no limit.
 */
public record EventFilter(
    String appId,
    List<String> objectTypes,
    String objectId,
    Long beforeId,
    Long sinceId,
    int count) {

  public EventFilter {
    objectTypes = objectTypes == null ? List.of() : List.copyOf(objectTypes);
  }

  public static EventFilter ofTypes(String... types) {
    return new EventFilter(null, List.of(types), null, null, null, 0);
  }

  public EventFilter since(long id) {
    return new EventFilter(appId, objectTypes, objectId, beforeId, id, count);
  }

  public EventFilter limit(int n) {
    return new EventFilter(appId, objectTypes, objectId, beforeId, sinceId, n);
  }
}
