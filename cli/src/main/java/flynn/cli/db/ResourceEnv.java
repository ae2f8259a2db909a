package flynn.cli.db;

import flynn.api.controller.Resource;
import flynn.cli.CliException;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The env of an app's resource of one appliance: how its client programs reach the server. */
record ResourceEnv(Appliance appliance, Map<String, String> vars) {
  ResourceEnv {
    vars = Map.copyOf(vars);
  }

  /**
   * The env of the app's newest resource of {@code appliance}, whose provider is known by id or
   * name: the one whose env the app's release got last.
   */
  static Optional<ResourceEnv> newest(
      List<Resource> resources, Appliance appliance, String providerId) {
    return resources.stream()
        .filter(r -> isOf(r, appliance, providerId))
        .max(
            Comparator.comparing(
                Resource::createdAt, Comparator.nullsFirst(OffsetDateTime::compareTo)))
        .map(r -> new ResourceEnv(appliance, r.env() == null ? Map.of() : r.env()));
  }

  private static boolean isOf(Resource r, Appliance appliance, String providerId) {
    return Objects.equals(r.provider(), providerId)
        || Objects.equals(r.provider(), appliance.provider());
  }

  /** The value of {@code key}; a clear error when the resource's env lacks it. */
  String require(String key) {
    String value = vars.get(key);
    if (value == null || value.isEmpty()) {
      throw new CliException(
          "the app's " + appliance.noun() + " has no " + key + " in its env: re-add the resource");
    }
    return value;
  }

  /** The value of {@code key}, or {@code fallback} when the env lacks it. */
  String get(String key, String fallback) {
    String value = vars.get(key);
    return value == null || value.isEmpty() ? fallback : value;
  }
}
