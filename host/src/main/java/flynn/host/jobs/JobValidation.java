package flynn.host.jobs;

import flynn.api.host.HostJob;
import flynn.api.host.Mountspec;
import flynn.api.host.Port;
import flynn.api.host.VolumeBinding;
import flynn.api.http.ApiException;
import flynn.host.health.CheckSpec;
import flynn.host.volumes.VolumeIds;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a job sent to {@code PUT /host/jobs/:id}. */
final class JobValidation {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

  private JobValidation() {}

  /** The job with its id set from the path; throws a validation error for anything unusable. */
  static HostJob validated(String pathId, HostJob job) {
    if (pathId == null || !ID.matcher(pathId).matches() || pathId.matches("\\.+")) {
      throw ApiException.validation(
          "id", "must be letters, digits, '-', '_' or '.' (it names the job's directory)");
    }
    if (job.id() != null && !job.id().isEmpty() && !job.id().equals(pathId)) {
      throw ApiException.validation("id", "does not match the id in the path: " + job.id());
    }
    if (job.config() == null || job.config().args() == null || job.config().args().isEmpty()) {
      throw ApiException.validation("config.args", "must not be empty: nothing to run");
    }
    if (job.config().args().stream().anyMatch(a -> a == null)) {
      throw ApiException.validation("config.args", "must not contain null");
    }
    validateLayers(job.imageLayers());
    validateChecks(job.config().ports());
    validateVolumes(job.config().volumesOrEmpty());
    if (job.stopGrace() != null && job.stopGrace() < 0) {
      throw ApiException.validation("stop_grace", "must not be negative: " + job.stopGrace());
    }
    return new HostJob(
        pathId,
        job.metadata(),
        job.resources(),
        job.partition(),
        job.config(),
        job.resurrect(),
        job.mountspecs(),
        job.stopGrace());
  }

  /** Every service's health check must be one the host can run (see {@link CheckSpec#of}). */
  private static void validateChecks(List<Port> ports) {
    if (ports == null) {
      return;
    }
    ports.stream()
        .filter(p -> p.service() != null && p.service().check() != null)
        .forEach(p -> CheckSpec.of(p.service().check()));
  }

  private static void validateVolumes(List<VolumeBinding> volumes) {
    for (VolumeBinding v : volumes) {
      VolumeIds.checked(v.volume());
      String target = v.target();
      if (target == null || !target.startsWith("/") || target.contains("..")) {
        throw ApiException.validation(
            "config.volumes", "a volume's target must be an absolute path: " + target);
      }
    }
  }

  private static void validateLayers(List<Mountspec> layers) {
    for (int i = 0; i < layers.size(); i++) {
      Mountspec layer = layers.get(i);
      if (Mountspec.TYPE_STACK.equals(layer.type())) {
        if (i > 0) {
          throw ApiException.validation(
              "mountspecs", "stack " + layer.id() + " must be the first (bottom) layer");
        }
        if (layer.id() == null || layer.id().isBlank()) {
          throw ApiException.validation("mountspecs", "a stack layer needs an id (its name)");
        }
        continue;
      }
      if (!Mountspec.TYPE_TAR.equals(layer.type())) {
        throw ApiException.validation(
            "mountspecs",
            "layer type " + layer.type() + " is not supported (only tar and stack layers)");
      }
      if (layer.url() == null || layer.sha256() == null) {
        throw ApiException.validation(
            "mountspecs", "layer " + layer.id() + " needs a url and a sha256 hash");
      }
    }
  }
}
