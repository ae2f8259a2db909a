package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A durable filesystem attached to jobs (Flynn's {@code ct.Volume}), on the host {@code host_id}
 * that holds it. {@code job} is the job it is attached to now, if any.
 */
public record Volume(
    @JsonProperty("id") String id,
    @JsonProperty("host_id") String hostId,
    @JsonProperty("type") String type,
    @JsonProperty("state") String state,
    @JsonProperty("app") String app,
    @JsonProperty("release") String release,
    @JsonProperty("job") String job,
    @JsonProperty("job_type") String jobType,
    @JsonProperty("path") String path,
    @JsonProperty("delete_on_stop") Boolean deleteOnStop,
    @JsonProperty("meta") Map<String, String> meta,
    @JsonProperty("created_at") OffsetDateTime createdAt,
    @JsonProperty("updated_at") OffsetDateTime updatedAt,
    @JsonProperty("decommissioned_at") OffsetDateTime decommissionedAt) {
  public static final String TYPE_DATA = "data";
  public static final String PENDING = "pending";
  public static final String CREATED = "created";
  public static final String DESTROYED = "destroyed";

  public Volume withId(String newId) {
    return new Volume(
        newId,
        hostId,
        type,
        state,
        app,
        release,
        job,
        jobType,
        path,
        deleteOnStop,
        meta,
        createdAt,
        updatedAt,
        decommissionedAt);
  }

  public Volume withState(String newState, OffsetDateTime at) {
    return new Volume(
        id,
        hostId,
        type,
        newState,
        app,
        release,
        job,
        jobType,
        path,
        deleteOnStop,
        meta,
        createdAt,
        at,
        decommissionedAt);
  }

  public Volume withDecommissionedAt(OffsetDateTime at) {
    return new Volume(
        id,
        hostId,
        type,
        state,
        app,
        release,
        job,
        jobType,
        path,
        deleteOnStop,
        meta,
        createdAt,
        updatedAt,
        at);
  }
}
