package flynn.appliances.platform;

import flynn.api.controller.App;
import flynn.api.controller.Deployment;
import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.api.controller.VolumeReq;
import flynn.api.host.HealthCheck;
import flynn.api.host.Port;
import flynn.api.host.ResourceSpec;
import flynn.api.host.Resources;
import flynn.api.host.Service;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The app and release an {@link ApplianceSpec} becomes: plain values, no I/O. */
public final class ApplianceRelease {
  /** A first start runs initdb or the like before the port opens. */
  static final Duration START_TIMEOUT = Duration.ofMinutes(5);

  /** Time for a clean shutdown (a checkpoint, the append-only file) before SIGKILL. */
  static final int STOP_GRACE_SECONDS = 60;

  private ApplianceRelease() {}

  /**
   * The app: deployed one down, one up, so a new job gets the volume the old one freed instead of a
   * second, empty one.
   */
  public static App app(ApplianceSpec spec) {
    return new App(null, spec.app(), null, Deployment.ONE_DOWN_ONE_UP, null, null, null, null);
  }

  /**
   * The release running {@code spec} in the stack image {@code stackArtifactId}, with {@code env}.
   */
  public static Release release(
      ApplianceSpec spec, String stackArtifactId, Map<String, String> env) {
    return new Release(
        null,
        null,
        List.of(stackArtifactId),
        Map.copyOf(env),
        Map.of(),
        Map.of(spec.processType(), processType(spec)),
        null,
        null);
  }

  static ProcessType processType(ApplianceSpec spec) {
    HealthCheck tcp =
        new HealthCheck("tcp", null, null, null, START_TIMEOUT.toNanos(), null, null, null, null);
    Port port = new Port(spec.port(), "tcp", new Service(spec.service(), true, tcp));
    return new ProcessType(
        spec.args(),
        null,
        List.of(port),
        List.of(new VolumeReq(ApplianceSpec.DATA_PATH, false)),
        null,
        null,
        spec.service(),
        null,
        Map.of(Resources.MEMORY, ResourceSpec.of(spec.memory())),
        null,
        null,
        null,
        null,
        STOP_GRACE_SECONDS);
  }
}
