package flynn.gitreceive.release;

import flynn.api.blobstore.BlobstoreClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Slugs and build caches in the blobstore: {@code /slugs/<app-id>/<sha256>.tgz} (uploads checked
 * against their sha256 by the blobstore) and {@code /caches/<app-id>.tgz}.
 */
public final class SlugStore {
  private final BlobstoreClient blobstore;

  public SlugStore(BlobstoreClient blobstore) {
    this.blobstore = blobstore;
  }

  /** A stored slug: where the host fetches it and what it must hash to. */
  public record StoredSlug(String url, String sha256, long size) {}

  public StoredSlug putSlug(String appId, Path slug) {
    String sha256 = sha256(slug);
    String path = "/slugs/" + appId + "/" + sha256 + ".tgz";
    blobstore.put(path, slug, sha256);
    return new StoredSlug(blobstore.baseUrl() + path, sha256, size(slug));
  }

  /** Downloads the app's build cache to {@code file}; empty when it has none yet. */
  public Optional<Path> fetchCache(String appId, Path file) {
    String path = cachePath(appId);
    if (blobstore.sha256(path).isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in = blobstore.open(path)) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return Optional.of(file);
    } catch (IOException e) {
      throw new UncheckedIOException("downloading the build cache failed", e);
    }
  }

  public void putCache(String appId, Path cache) {
    blobstore.put(cachePath(appId), cache, sha256(cache));
  }

  private static String cachePath(String appId) {
    return "/caches/" + appId + ".tgz";
  }

  static String sha256(Path file) {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
