package flynn.api.controller;

import flynn.api.Json;
import flynn.api.controller.ImageManifest.ImageEntrypoint;
import flynn.api.controller.ImageManifest.ImageLayer;
import flynn.api.host.Mountspec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a release's image artifacts mean for a job, as Flynn's {@code utils.JobConfig} reads them:
 * the entrypoint of a process type and the layers to mount.
 */
public final class ImageArtifacts {
  /** Flynn's artifact type of an image manifest. */
  public static final String TYPE_FLYNN = "flynn";

  private ImageArtifacts() {}

  /** The artifact's image manifest, when it is a {@code flynn} artifact with one. */
  public static Optional<ImageManifest> manifest(Artifact a) {
    if (!TYPE_FLYNN.equals(a.type()) || a.manifest() == null || a.manifest().isNull()) {
      return Optional.empty();
    }
    return Optional.of(Json.mapper().convertValue(a.manifest(), ImageManifest.class));
  }

  /**
   * The entrypoint of {@code type}: the topmost artifact's entrypoint of that name, else the
   * topmost default one (artifacts are bottom first).
   */
  public static Optional<ImageEntrypoint> entrypoint(List<Artifact> artifacts, String type) {
    List<ImageManifest> manifests = manifests(artifacts).reversed();
    for (ImageManifest m : manifests) {
      if (m.entrypoints() != null && m.entrypoints().containsKey(type)) {
        return Optional.of(m.entrypoints().get(type));
      }
    }
    return manifests.stream()
        .map(ImageManifest::defaultEntrypoint)
        .filter(e -> e != null)
        .findFirst();
  }

  /**
   * The layers of every image artifact, bottom first: OCI tar layers with their URLs, and the
   * host's stack images by name.
   */
  public static List<Mountspec> mountspecs(List<Artifact> artifacts) {
    List<Mountspec> specs = new ArrayList<>();
    for (Artifact a : artifacts == null ? List.<Artifact>of() : artifacts) {
      Optional<ImageManifest> m = manifest(a);
      if (m.isEmpty() || m.get().rootfs() == null || m.get().rootfs().size() != 1) {
        continue;
      }
      for (ImageLayer layer : m.get().rootfs().get(0).layers()) {
        if (layer.isStack()) {
          specs.add(new Mountspec(Mountspec.TYPE_STACK, layer.id(), null, null, null, a.meta()));
        } else if (layer.isOciTar()) {
          specs.add(
              new Mountspec(
                  Mountspec.TYPE_TAR,
                  layer.id(),
                  layerUrl(a, layer),
                  layer.length(),
                  layer.hashes(),
                  a.meta()));
        }
      }
    }
    return specs;
  }

  /** The artifact's {@code layer_url_template} with the layer's id for {@code {id}}. */
  public static String layerUrl(Artifact a, ImageLayer layer) {
    return a.layerUrlTemplate() == null ? null : a.layerUrlTemplate().replace("{id}", layer.id());
  }

  private static List<ImageManifest> manifests(List<Artifact> artifacts) {
    if (artifacts == null) {
      return List.of();
    }
    return artifacts.stream().map(ImageArtifacts::manifest).flatMap(Optional::stream).toList();
  }
}
