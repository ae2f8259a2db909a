package flynn.api.host;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A job as a host runs it (Flynn's {@code host.Job}). The metadata carries the controller's view:
 * {@code flynn-controller.app}, {@code flynn-controller.app_name}, {@code
 * flynn-controller.release}, {@code flynn-controller.type}.
 */
public record HostJob(
    @JsonProperty("id") String id,
    @JsonProperty("metadata") Map<String, String> metadata,
    @JsonProperty("resources") Map<String, ResourceSpec> resources,
    @JsonProperty("partition") String partition,
    @JsonProperty("config") ContainerConfig config,
    @JsonProperty("resurrect") Boolean resurrect) {

  public static final String META_APP = "flynn-controller.app";
  public static final String META_APP_NAME = "flynn-controller.app_name";
  public static final String META_RELEASE = "flynn-controller.release";
  public static final String META_TYPE = "flynn-controller.type";

  public String meta(String key) {
    return metadata == null ? null : metadata.get(key);
  }
}
