package flynn.api.router;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A TLS certificate (PEM chain and key) shared by the HTTP routes named in {@code routes}: Flynn's
 * {@code router.Certificate}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Certificate(
    @JsonProperty("id") String id,
    @JsonProperty("routes") List<String> routes,
    @JsonProperty("cert") String cert,
    @JsonProperty("key") String key,
    @JsonProperty("created_at") OffsetDateTime createdAt,
    @JsonProperty("updated_at") OffsetDateTime updatedAt) {

  /** A certificate chain and its key as a request gives them: no id, routes or times yet. */
  public static Certificate of(String cert, String key) {
    return new Certificate(null, null, cert, key, null, null);
  }
}
