package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.Map;

/** A request to change a formation; {@code state} is pending, cancelled or complete. */
public record ScaleRequest(
    @JsonProperty("id") String id,
    @JsonProperty("app") String app,
    @JsonProperty("release") String release,
    @JsonProperty("state") String state,
    @JsonProperty("old_processes") Map<String, Integer> oldProcesses,
    @JsonProperty("new_processes") Map<String, Integer> newProcesses,
    @JsonProperty("old_tags") Map<String, Map<String, String>> oldTags,
    @JsonProperty("new_tags") Map<String, Map<String, String>> newTags,
    @JsonProperty("created_at") OffsetDateTime createdAt,
    @JsonProperty("updated_at") OffsetDateTime updatedAt) {

  public static final String PENDING = "pending";
  public static final String CANCELLED = "cancelled";
  public static final String COMPLETE = "complete";

  /** The body of {@code PUT /apps/:id/scale/:release}. */
  public record Body(
      @JsonProperty("processes") Map<String, Integer> processes,
      @JsonProperty("tags") Map<String, Map<String, String>> tags) {}
}
