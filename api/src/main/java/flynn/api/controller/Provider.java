package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * A resource provider (Flynn's {@code ct.Provider}): a named service that provisions resources such
 * as databases at {@code url}, following the contract of {@link flynn.api.provider.ProviderClient}.
 */
public record Provider(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("url") String url,
    @JsonProperty("created_at") OffsetDateTime createdAt,
    @JsonProperty("updated_at") OffsetDateTime updatedAt) {

  public static Provider of(String name, String url) {
    return new Provider(null, name, url, null, null);
  }
}
