package flynn.cli.resource;

import flynn.api.controller.Release;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A resource's env as changes of the app's env ({@code flynn env}'s form: a value sets, empty
 * removes). Pure.
 */
public final class ResourceEnv {
  private ResourceEnv() {}

  /** Adding a resource sets each of its variables. */
  public static Map<String, Optional<String>> added(Map<String, String> resourceEnv) {
    Map<String, Optional<String>> changes = new LinkedHashMap<>();
    new TreeMap<>(orEmpty(resourceEnv)).forEach((k, v) -> changes.put(k, Optional.of(v)));
    return changes;
  }

  /**
   * Removing a resource removes each of its variables the app still has with the resource's value;
   * one the user changed since is kept. {@code current} is null when the app has no release.
   */
  public static Map<String, Optional<String>> removed(
      Release current, Map<String, String> resourceEnv) {
    Map<String, String> appEnv = current == null ? Map.of() : orEmpty(current.env());
    Map<String, Optional<String>> changes = new LinkedHashMap<>();
    new TreeMap<>(orEmpty(resourceEnv))
        .forEach((k, v) -> {
          if (appEnv.containsKey(k) && Objects.equals(appEnv.get(k), v)) {
            changes.put(k, Optional.empty());
          }
        });
    return changes;
  }

  private static Map<String, String> orEmpty(Map<String, String> env) {
    return env == null ? Map.of() : env;
  }
}
