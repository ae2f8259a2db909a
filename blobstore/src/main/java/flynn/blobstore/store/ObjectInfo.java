package flynn.blobstore.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * What the store knows of one object: its path, size, SHA-256 (hex) and content type, and when it
 * was written. Kept as JSON beside the object's bytes.
 */
public record ObjectInfo(
    @JsonProperty("path") String path,
    @JsonProperty("size") long size,
    @JsonProperty("sha256") String sha256,
    @JsonProperty("content_type") String contentType,
    @JsonProperty("modified") Instant modified) {

  /** The HTTP entity tag: the content hash, quoted. */
  public String etag() {
    return "\"" + sha256 + "\"";
  }
}
