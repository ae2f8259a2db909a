package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What deleting an app removed; the data of an {@code app_deletion} event is an {@link Event}. */
public record AppDeletion(
    @JsonProperty("app") String app,
    @JsonProperty("deleted_routes") List<JsonNode> deletedRoutes,
    @JsonProperty("deleted_resources") List<JsonNode> deletedResources,
    @JsonProperty("deleted_releases") List<Release> deletedReleases) {

  /** The {@code app_deletion} event data: the deletion, or the error that stopped it. */
  public record Event(
      @JsonProperty("app_deletion") AppDeletion appDeletion, @JsonProperty("error") String error) {}
}
