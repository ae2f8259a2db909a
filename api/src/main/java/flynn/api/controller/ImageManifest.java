package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Flynn's image manifest ({@code ct.ImageManifest}), the {@code manifest} of a {@code flynn}
 * artifact: entrypoints by process type ({@code _default} for any) and the root filesystem's
 * layers, bottom first.
 */
public record ImageManifest(
    @JsonProperty("_type") String type,
    @JsonProperty("meta") Map<String, String> meta,
    @JsonProperty("entrypoints") Map<String, ImageEntrypoint> entrypoints,
    @JsonProperty("rootfs") List<ImageRootfs> rootfs) {
  public static final String TYPE_V1 = "application/vnd.flynn.image.manifest.v1+json";
  public static final String DEFAULT_ENTRYPOINT = "_default";

  /** What a process runs in an image: Flynn's {@code ct.ImageEntrypoint}. */
  public record ImageEntrypoint(
      @JsonProperty("env") Map<String, String> env,
      @JsonProperty("cwd") String workingDir,
      @JsonProperty("args") List<String> args,
      @JsonProperty("linux_capabilities") List<String> linuxCapabilities,
      @JsonProperty("uid") Integer uid,
      @JsonProperty("gid") Integer gid) {}

  public record ImageRootfs(
      @JsonProperty("platform") ImagePlatform platform,
      @JsonProperty("layers") List<ImageLayer> layers) {}

  public record ImagePlatform(
      @JsonProperty("architecture") String architecture, @JsonProperty("os") String os) {
    public static final ImagePlatform LINUX_AMD64 = new ImagePlatform("amd64", "linux");
  }

  /**
   * One layer. Flynn's layers are squashfs; this platform's are OCI tar layers ({@link
   * #TYPE_OCI_TAR_GZIP} or {@link #TYPE_OCI_TAR}) whose id is the hex SHA-256 of the blob.
   */
  public record ImageLayer(
      @JsonProperty("id") String id,
      @JsonProperty("type") String type,
      @JsonProperty("length") Long length,
      @JsonProperty("hashes") Map<String, String> hashes,
      @JsonProperty("meta") Map<String, String> meta) {
    public static final String TYPE_OCI_TAR = "application/vnd.oci.image.layer.v1.tar";
    public static final String TYPE_OCI_TAR_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";

    /**
     * A layer that is one of the host's own stack images, named by its id ({@code run} or {@code
     * build}); it is never fetched, and sits below every other layer.
     */
    public static final String TYPE_STACK = "application/vnd.flynn.stack";

    public boolean isOciTar() {
      return TYPE_OCI_TAR.equals(type) || TYPE_OCI_TAR_GZIP.equals(type);
    }

    public boolean isStack() {
      return TYPE_STACK.equals(type);
    }
  }

  public ImageEntrypoint defaultEntrypoint() {
    return entrypoints == null ? null : entrypoints.get(DEFAULT_ENTRYPOINT);
  }
}
