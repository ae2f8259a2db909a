package flynn.cli.docker;

import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.Json;
import flynn.api.controller.ImageManifest.ImageLayer;
import flynn.cli.CliException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads an image with no Docker engine: a {@code docker save} archive, an OCI archive (a tar of an
 * OCI layout) or an OCI layout directory. Archives are unpacked into a scratch directory first
 * (regular files only, names that stay inside it).
 */
public final class ImageArchive {
  private static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  private static final String DOCKER_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";

  private ImageArchive() {}

  /**
   * @param scratch an empty directory the caller deletes afterwards
   */
  public static LocalImage read(Path image, Path scratch) {
    try {
      Path dir = Files.isDirectory(image) ? image : unpack(image, scratch);
      if (Files.isRegularFile(dir.resolve("index.json"))) {
        return readOciLayout(dir);
      }
      if (Files.isRegularFile(dir.resolve("manifest.json"))) {
        return readDockerSave(dir);
      }
      throw new CliException(
          image
              + " is neither an OCI layout (no index.json) nor a docker save archive (no"
              + " manifest.json)");
    } catch (IOException e) {
      throw new CliException("cannot read image " + image + ": " + e.getMessage());
    }
  }

  private static LocalImage readOciLayout(Path dir) throws IOException {
    JsonNode manifest = resolveManifest(dir, json(dir.resolve("index.json")));
    ImageConfig config = config(blob(dir, manifest.path("config").path("digest").asText()));
    List<LocalLayer> layers = new ArrayList<>();
    for (JsonNode l : manifest.path("layers")) {
      Path file = blob(dir, l.path("digest").asText());
      layers.add(
          new LocalLayer(file, hexOf(l.path("digest").asText()), Files.size(file), ociType(l)));
    }
    return new LocalImage(layers, config);
  }

  /** Follows an index to its first manifest (nested indexes too). */
  private static JsonNode resolveManifest(Path dir, JsonNode index) throws IOException {
    JsonNode manifests = index.path("manifests");
    if (manifests.isEmpty()) {
      throw new CliException("the OCI index lists no image manifest");
    }
    JsonNode first = manifests.get(0);
    JsonNode target = json(blob(dir, first.path("digest").asText()));
    String type = first.path("mediaType").asText(target.path("mediaType").asText());
    return OCI_INDEX.equals(type) || DOCKER_LIST.equals(type)
        ? resolveManifest(dir, target)
        : target;
  }

  private static LocalImage readDockerSave(Path dir) throws IOException {
    JsonNode manifests = json(dir.resolve("manifest.json"));
    if (manifests.size() != 1) {
      throw new CliException(
          "expected 1 image in the docker archive, found " + manifests.size() + ": save one");
    }
    JsonNode m = manifests.get(0);
    ImageConfig config = config(inside(dir, m.path("Config").asText()));
    List<LocalLayer> layers = new ArrayList<>();
    for (JsonNode l : m.path("Layers")) {
      Path file = inside(dir, l.asText());
      layers.add(new LocalLayer(file, sha256(file), Files.size(file), sniffType(file)));
    }
    return new LocalImage(layers, config);
  }

  private static ImageConfig config(Path file) throws IOException {
    ImageConfig.File parsed = Json.mapper().readValue(file.toFile(), ImageConfig.File.class);
    return parsed.config() == null
        ? new ImageConfig(null, null, null, null, null)
        : parsed.config();
  }

  private static String ociType(JsonNode layer) {
    String type = layer.path("mediaType").asText();
    return type.endsWith("gzip") ? ImageLayer.TYPE_OCI_TAR_GZIP : ImageLayer.TYPE_OCI_TAR;
  }

  private static String sniffType(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b
          ? ImageLayer.TYPE_OCI_TAR_GZIP
          : ImageLayer.TYPE_OCI_TAR;
    }
  }

  private static Path blob(Path dir, String digest) {
    if (!digest.startsWith("sha256:")) {
      throw new CliException("unsupported digest " + digest + ": only sha256 is");
    }
    return inside(dir, "blobs/sha256/" + hexOf(digest));
  }

  private static String hexOf(String digest) {
    String hex = digest.substring(digest.indexOf(':') + 1);
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new CliException("malformed digest " + digest);
    }
    return hex;
  }

  private static Path inside(Path dir, String name) {
    Path p = dir.resolve(name).normalize();
    if (!p.startsWith(dir.normalize()) || !Files.isRegularFile(p)) {
      throw new CliException("the image names " + name + ", which it does not contain");
    }
    return p;
  }

  private static JsonNode json(Path file) throws IOException {
    return Json.mapper().readTree(file.toFile());
  }

  private static Path unpack(Path archive, Path scratch) throws IOException {
    Path root = scratch.toAbsolutePath().normalize();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(archive))) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        Path target = root.resolve(e.getName()).normalize();
        if (!e.isFile() || !target.startsWith(root)) {
          continue;
        }
        Files.createDirectories(target.getParent());
        Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return root;
  }

  static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        d.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
