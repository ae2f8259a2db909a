package flynn.api.host;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One image layer a job's root is made of (Flynn's {@code host.Mountspec}), bottom first, fetched
 * by the host from {@code url} and checked against {@code hashes}. Flynn's type is {@code
 * squashfs}; this platform's is {@link #TYPE_TAR}: an OCI layer tar, gzip-compressed or not, or
 * {@link #TYPE_STACK}: one of the host's stack images.
 */
public record Mountspec(
    @JsonProperty("type") String type,
    @JsonProperty("id") String id,
    @JsonProperty("url") String url,
    @JsonProperty("size") Long size,
    @JsonProperty("hashes") Map<String, String> hashes,
    @JsonProperty("meta") Map<String, String> meta) {
  public static final String TYPE_TAR = "tar";

  /** The host's stack image named by {@code id} ({@code run}, {@code build}): not fetched. */
  public static final String TYPE_STACK = "stack";

  /** The layer's SHA-256 (hex), or null when it has none. */
  public String sha256() {
    return hashes == null ? null : hashes.get("sha256");
  }
}
