package flynn.api.config;

import java.util.List;
import java.util.Optional;

/** Flynn's rule for {@code cluster add}: a name, git URL or controller URL may be used once. */
final class ClusterConflicts {
  private ClusterConflicts() {}

  static Optional<Cluster> find(List<Cluster> existing, Cluster added) {
    List<Cluster> conflicts = existing.stream().filter(c -> conflicts(c, added)).toList();
    if (conflicts.size() > 1) {
      throw new ConfigException(
          "The cluster name and/or URLs conflict with multiple existing clusters.");
    }
    return conflicts.stream().findFirst();
  }

  static String describe(Cluster existing, Cluster added) {
    if (existing.name().equals(added.name())) {
      return "Cluster \"" + added.name() + "\" already exists in ~/.flynnrc";
    }
    String url =
        added.hasGit() && existing.gitUrl().equals(added.gitUrl())
            ? added.gitUrl()
            : added.controllerUrl();
    return "A cluster with the URL \"" + url + "\" already exists in ~/.flynnrc";
  }

  private static boolean conflicts(Cluster existing, Cluster added) {
    return existing.name().equals(added.name())
        || (added.hasGit() && existing.gitUrl().equals(added.gitUrl()))
        || existing.controllerUrl().equals(added.controllerUrl());
  }
}
