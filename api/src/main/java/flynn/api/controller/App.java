package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.Map;

/** An app: a namespace for releases, formations and jobs. */
public record App(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("meta") @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, String> meta,
    @JsonProperty("strategy") String strategy,
    @JsonProperty("release") String release,
    @JsonProperty("deploy_timeout") Integer deployTimeout,
    @JsonProperty("created_at") OffsetDateTime createdAt,
    @JsonProperty("updated_at") OffsetDateTime updatedAt) {

  public static final String NAME_PATTERN = "^[a-z\\d]+(-[a-z\\d]+)*$";
  public static final int NAME_MAX_LENGTH = 100;

  /** A request body for {@code POST /apps}. */
  public static App named(String name) {
    return new App(null, name, null, null, null, null, null, null);
  }
}
