package flynn.cli.scale;

import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** How {@code flynn scale} shows and announces process counts. */
public final class FormationLine {
  private FormationLine() {}

  /** {@code web=3 worker=0}: every process type of the release, sorted. */
  public static String counts(Collection<String> releaseTypes, Map<String, Integer> processes) {
    return new TreeSet<>(releaseTypes)
        .stream().map(t -> t + "=" + processes.getOrDefault(t, 0)).collect(Collectors.joining(" "));
  }

  /** {@code scaling web: 0=>3, worker: 2=>0}: the types whose count changes. */
  public static String scaling(
      Collection<String> releaseTypes, Map<String, Integer> before, Map<String, Integer> after) {
    return "scaling "
        + new TreeSet<>(releaseTypes)
            .stream()
                .filter(
                    t -> after.containsKey(t) && !after.get(t).equals(before.getOrDefault(t, 0)))
                .map(t -> t + ": " + before.getOrDefault(t, 0) + "=>" + after.get(t))
                .collect(Collectors.joining(", "));
  }
}
