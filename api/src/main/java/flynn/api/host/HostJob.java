package flynn.api.host;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A job as a host runs it (Flynn's {@code host.Job}). The metadata carries the controller's view:
 * {@code flynn-controller.app}, {@code flynn-controller.app_name}, {@code
 * flynn-controller.release}, {@code flynn-controller.type}. {@code stop_grace} (seconds, this
 * platform's addition) is how long a stop waits between SIGTERM and SIGKILL; null for the host's
 * default.
 */
public record HostJob(
    @JsonProperty("id") String id,
    @JsonProperty("metadata") Map<String, String> metadata,
    @JsonProperty("resources") Map<String, ResourceSpec> resources,
    @JsonProperty("partition") String partition,
    @JsonProperty("config") ContainerConfig config,
    @JsonProperty("resurrect") Boolean resurrect,
    @JsonProperty("mountspecs") List<Mountspec> mountspecs,
    @JsonProperty("stop_grace") Integer stopGrace) {

  public static final String META_APP = "flynn-controller.app";
  public static final String META_APP_NAME = "flynn-controller.app_name";
  public static final String META_RELEASE = "flynn-controller.release";
  public static final String META_TYPE = "flynn-controller.type";

  /** A job stopped with the host's default grace. */
  public HostJob(
      String id,
      Map<String, String> metadata,
      Map<String, ResourceSpec> resources,
      String partition,
      ContainerConfig config,
      Boolean resurrect,
      List<Mountspec> mountspecs) {
    this(id, metadata, resources, partition, config, resurrect, mountspecs, null);
  }

  /** A job with no image layers: it runs in the host's default root. */
  public HostJob(
      String id,
      Map<String, String> metadata,
      Map<String, ResourceSpec> resources,
      String partition,
      ContainerConfig config,
      Boolean resurrect) {
    this(id, metadata, resources, partition, config, resurrect, null, null);
  }

  /** The image layers of the job's root, bottom first; empty for the host's default root. */
  public List<Mountspec> imageLayers() {
    return mountspecs == null ? List.of() : mountspecs;
  }

  /** The grace between SIGTERM and SIGKILL: {@code stop_grace}, or {@code fallback} without one. */
  public Duration stopGraceOr(Duration fallback) {
    return stopGrace == null || stopGrace < 0 ? fallback : Duration.ofSeconds(stopGrace);
  }

  public String meta(String key) {
    return metadata == null ? null : metadata.get(key);
  }
}
