package flynn.controller.formations;

import flynn.api.controller.Formation;
import flynn.api.controller.Release;
import flynn.api.controller.ScaleRequest;
import flynn.api.http.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The decisions of a scale: which request is valid, and what the formation becomes. Pure; the
 * {@link FormationService} stores the result.
 */
public final class Scaling {
  /** A pending request (no id or times yet) and the formation's processes and tags after it. */
  public record Plan(
      ScaleRequest request,
      Map<String, Integer> processes,
      Map<String, Map<String, String>> tags) {}

  private Scaling() {}

  /**
   * Applies requested processes and tags (either may be null: "keep") over the current formation
   * (null when there is none). Types not named in the request keep their count.
   */
  public static Plan plan(
      String appId,
      String releaseId,
      Formation current,
      Map<String, Integer> newProcesses,
      Map<String, Map<String, String>> newTags) {
    if (newProcesses == null && newTags == null) {
      throw ApiException.validation("", "scale request must have either processes or tags set");
    }
    Map<String, Integer> oldProcesses = copy(current == null ? null : current.processes());
    Map<String, Map<String, String>> oldTags = copy(current == null ? null : current.tags());
    Map<String, Integer> processes = new TreeMap<>(oldProcesses);
    Map<String, Map<String, String>> tags = new TreeMap<>(oldTags);
    if (newProcesses != null) {
      processes.putAll(newProcesses);
    }
    if (newTags != null) {
      tags.putAll(newTags);
    }
    ScaleRequest request =
        new ScaleRequest(
            null,
            appId,
            releaseId,
            ScaleRequest.PENDING,
            oldProcesses,
            newProcesses == null ? processes : newProcesses,
            oldTags,
            newTags == null ? tags : newTags,
            null,
            null);
    return new Plan(request, processes, tags);
  }

  /** Every requested type must exist in the release, with a count of zero or more. */
  public static void validateProcesses(Release release, Map<String, Integer> processes) {
    if (processes == null) {
      return;
    }
    List<String> unknown =
        processes.keySet().stream()
            .filter(t -> release.processes() == null || !release.processes().containsKey(t))
            .sorted()
            .toList();
    if (!unknown.isEmpty()) {
      throw ApiException.validation(
          "processes",
          "requested scale includes process types that do not exist in the release: "
              + String.join(", ", unknown));
    }
    processes.forEach((type, count) -> {
      if (count == null || count < 0) {
        throw ApiException.validation(
            "processes", "process count of " + type + " must be zero or more, got " + count);
      }
    });
  }

  /** A count of zero for every process type of the release: how a formation is deleted. */
  public static Map<String, Integer> allZero(Release release) {
    Map<String, Integer> zero = new TreeMap<>();
    if (release.processes() != null) {
      release.processes().keySet().forEach(t -> zero.put(t, 0));
    }
    return zero;
  }

  private static <V> Map<String, V> copy(Map<String, V> m) {
    return m == null ? new LinkedHashMap<>() : new LinkedHashMap<>(m);
  }
}
