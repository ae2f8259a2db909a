package flynn.controller.deployments;

import flynn.api.controller.App;
import flynn.api.controller.Deployment;
import flynn.api.controller.Formation;
import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.api.http.ApiException;
import java.util.Map;
import java.util.Objects;

/**
 * The decisions of {@code POST /apps/:id/deploy}: whether the release may be deployed, and the
 * deployment it starts. Pure; {@link DeploymentService} stores the result.
 *
 * @param type Flynn's release type: {@code config} when the artifacts did not change, else {@code
 *     code}
 * @param switchNow true when nothing runs (or the release is already current and running): the
 *     release becomes current at once and the deployment is complete
 */
public record NewDeployment(Deployment deployment, String type, boolean switchNow) {
  public static final String CODE = "code";
  public static final String CONFIG = "config";

  /**
   * @param strategy the strategy of this deployment, or null for the app's
   * @param current the app's current release, or null
   * @param running the current release's formation, or null
   */
  public static NewDeployment of(
      String id, App app, String strategy, Release release, Release current, Formation running) {
    if (release.appId() != null && !release.appId().equals(app.id())) {
      throw ApiException.validation(
          "id", "release " + release.id() + " belongs to another app, not to " + app.name());
    }
    String chosen = keepingVolumes(release, strategy(app, strategy));
    Map<String, Integer> processes = running == null ? null : running.processes();
    boolean same = current != null && current.id().equals(release.id());
    boolean switchNow = same || total(processes) == 0;
    Deployment d =
        new Deployment(
            id,
            app.id(),
            current == null ? null : current.id(),
            release.id(),
            chosen,
            switchNow ? Deployment.COMPLETE : Deployment.PENDING,
            processes,
            running == null ? null : running.tags(),
            app.deployTimeout(),
            batchSize(app),
            null,
            null);
    return new NewDeployment(d, type(release, current), switchNow);
  }

  /** The requested strategy, else the app's, else all-at-once; it must be a known one. */
  static String strategy(App app, String requested) {
    String s = requested;
    if (s == null || s.isEmpty()) {
      s =
          app.strategy() == null || app.strategy().isEmpty()
              ? Deployment.ALL_AT_ONCE
              : app.strategy();
    }
    if (!Deployment.STRATEGIES.contains(s)) {
      throw ApiException.validation(
          "strategy",
          "unknown deployment strategy "
              + s
              + " for app "
              + app.name()
              + "; set one of "
              + String.join(", ", Deployment.STRATEGIES.stream().sorted().toList()));
    }
    return s;
  }

  /**
   * One-down-one-up when a process type keeps its data on a persistent volume, whatever was asked:
   * a volume moves from the old job to the new one, so the old one must stop first; any other
   * strategy would start the new job on an empty volume.
   */
  static String keepingVolumes(Release release, String strategy) {
    boolean persistent =
        release.processes() != null
            && release.processes().values().stream()
                .map(ProcessType::normalized)
                .filter(p -> p.volumes() != null)
                .flatMap(p -> p.volumes().stream())
                .anyMatch(v -> !Boolean.TRUE.equals(v.deleteOnStop()));
    return persistent ? Deployment.ONE_DOWN_ONE_UP : strategy;
  }

  /** The app's {@code flynn-deploy-batch-size}, or null (the worker then uses the host count). */
  static Integer batchSize(App app) {
    String v = app.meta() == null ? null : app.meta().get(Deployment.META_BATCH_SIZE);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      int n = Integer.parseInt(v.trim());
      return n > 0 ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String type(Release release, Release current) {
    if (current == null) {
      return release.artifacts() == null || release.artifacts().isEmpty() ? CONFIG : CODE;
    }
    return Objects.equals(current.artifacts(), release.artifacts()) ? CONFIG : CODE;
  }

  private static int total(Map<String, Integer> processes) {
    return processes == null
        ? 0
        : processes.values().stream().mapToInt(n -> n == null ? 0 : n).sum();
  }
}
