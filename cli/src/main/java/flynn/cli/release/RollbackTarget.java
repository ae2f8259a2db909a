package flynn.cli.release;

import flynn.api.controller.Deployment;
import flynn.api.controller.Release;
import flynn.cli.CliException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Which release {@code flynn release rollback [id]} deploys. */
final class RollbackTarget {
  private RollbackTarget() {}

  /**
   * {@code requested} when given (not the current one); else the release the app ran before the
   * deployment that made the current one current; else (no such deployment) the release created
   * just before the current one.
   */
  static String choose(
      List<Deployment> deployments, List<Release> releases, String currentId, String requested) {
    if (requested != null) {
      if (requested.equals(currentId)) {
        throw new CliException("Release id given is the current release.");
      }
      return requested;
    }
    return deployedBefore(deployments, currentId)
        .orElseGet(() -> createdBefore(releases, currentId));
  }

  private static Optional<String> deployedBefore(List<Deployment> deployments, String currentId) {
    return deployments.stream()
        .filter(d -> Deployment.COMPLETE.equals(d.status()))
        .filter(d -> currentId.equals(d.newRelease()) && d.oldRelease() != null)
        .max(
            Comparator.comparing(
                Deployment::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())))
        .map(Deployment::oldRelease);
  }

  private static String createdBefore(List<Release> releases, String currentId) {
    List<Release> newestFirst =
        releases.stream()
            .sorted(
                Comparator.comparing(
                        Release::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
                    .reversed())
            .toList();
    int current = indexOf(newestFirst, currentId);
    if (current < 0 || current + 1 >= newestFirst.size()) {
      throw new CliException("Not enough releases to perform a rollback.");
    }
    return newestFirst.get(current + 1).id();
  }

  private static int indexOf(List<Release> releases, String id) {
    for (int i = 0; i < releases.size(); i++) {
      if (releases.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }
}
