package flynn.api.controller;

import flynn.api.Json;
import flynn.api.controller.ImageManifest.ImageLayer;
import flynn.api.controller.ImageManifest.ImagePlatform;
import flynn.api.controller.ImageManifest.ImageRootfs;
import java.util.List;
import java.util.Map;

/**
 * The artifacts of a built app, bottom first: a stack image of the host ({@code run} to run a slug,
 * {@code build} to build one) and a slug, the tar.gz of {@code /app} a build made, stored in the
 * blobstore.
 */
public final class SlugArtifacts {
  public static final String STACK_RUN = "run";
  public static final String STACK_BUILD = "build";

  /** Artifact meta key naming the stack an artifact stands for. */
  public static final String META_STACK = "flynn.stack";

  private SlugArtifacts() {}

  /** The artifact of the host's stack image {@code name}. */
  public static Artifact stack(String name) {
    ImageLayer layer = new ImageLayer(name, ImageLayer.TYPE_STACK, null, null, null);
    return artifact("stack:" + name, manifest(layer), null, Map.of(META_STACK, name));
  }

  /**
   * The artifact of a slug at {@code url} (a gzipped tar whose entries are relative to the root,
   * {@code app/...}), checked by the host against {@code sha256}.
   */
  public static Artifact slug(String url, String sha256, long size, Map<String, String> meta) {
    Map<String, String> hashes = Map.of("sha256", sha256);
    ImageLayer layer = new ImageLayer(sha256, ImageLayer.TYPE_OCI_TAR_GZIP, size, hashes, Map.of());
    return artifact(url, manifest(layer), url, meta);
  }

  private static ImageManifest manifest(ImageLayer layer) {
    return new ImageManifest(
        ImageManifest.TYPE_V1,
        null,
        null,
        List.of(new ImageRootfs(ImagePlatform.LINUX_AMD64, List.of(layer))));
  }

  private static Artifact artifact(
      String uri, ImageManifest manifest, String layerUrl, Map<String, String> meta) {
    return new Artifact(
        null,
        ImageArtifacts.TYPE_FLYNN,
        uri,
        meta,
        Json.mapper().valueToTree(manifest),
        null,
        null,
        layerUrl,
        null);
  }
}
