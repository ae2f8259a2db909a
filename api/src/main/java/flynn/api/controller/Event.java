package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/** A row of the event log: every change of an object, in commit order. */
public record Event(
    @JsonProperty("id") Long id,
    @JsonProperty("app") String app,
    @JsonProperty("object_type") String objectType,
    @JsonProperty("object_id") String objectId,
    @JsonProperty("data") JsonNode data,
    @JsonProperty("created_at") OffsetDateTime createdAt) {

  public static final String APP = "app";
  public static final String APP_DELETION = "app_deletion";
  public static final String APP_RELEASE = "app_release";
  public static final String DEPLOYMENT = "deployment";
  public static final String JOB = "job";
  public static final String SCALE_REQUEST = "scale_request";
  public static final String RELEASE = "release";
  public static final String ARTIFACT = "artifact";
  public static final String ROUTE = "route";
  public static final String ROUTE_DELETION = "route_deletion";
  public static final String PROVIDER = "provider";
  public static final String RESOURCE = "resource";
  public static final String RESOURCE_DELETION = "resource_deletion";
  public static final String RESOURCE_APP_DELETION = "resource_app_deletion";

  /** Deprecated event for old clients that wait on formations instead of scale requests. */
  public static final String SCALE = "scale";
}
