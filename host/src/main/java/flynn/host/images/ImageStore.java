package flynn.host.images;

import flynn.api.host.Mountspec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a job's image layers into a root filesystem, cached under {@code <state-dir>/images}: layer
 * blobs by digest in {@code blobs/} (checked against their SHA-256), and one flattened rootfs per
 * image in {@code rootfs/<chain id>} (the SHA-256 of the ordered layer digests).
 *
 * <p>Flattened rather than a directory per layer: whiteouts are applied by deleting files, in plain
 * Java, instead of becoming overlay whiteouts (device nodes and trusted xattrs this JVM cannot
 * make); the job's overlay gets one lower dir; the cost is disk when images share base layers. Jobs
 * of one image starting together unpack it once; a finished rootfs appears by rename only.
 */
public final class ImageStore implements ImageLayers {
  private static final Logger LOG = LoggerFactory.getLogger(ImageStore.class);
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Path blobs;
  private final Path rootfs;
  private final BlobSource source;
  private final boolean chown;
  private final ConcurrentMap<String, CompletableFuture<Path>> unpacking =
      new ConcurrentHashMap<>();

  /**
   * @param chown whether unpacked files get the owners their layers name (true when root)
   */
  public ImageStore(Path dir, BlobSource source, boolean chown) {
    this.blobs = dir.resolve("blobs").resolve("sha256");
    this.rootfs = dir.resolve("rootfs");
    this.source = source;
    this.chown = chown;
  }

  @Override
  public List<Path> layers(List<Mountspec> image) {
    if (image.isEmpty()) {
      return List.of();
    }
    image.forEach(ImageStore::requireDigest);
    String chainId = chainId(image);
    Path done = rootfs.resolve(chainId);
    if (Files.isDirectory(done)) {
      return List.of(done);
    }
    CompletableFuture<Path> mine = new CompletableFuture<>();
    CompletableFuture<Path> running = unpacking.putIfAbsent(chainId, mine);
    if (running != null) {
      return List.of(join(running));
    }
    try {
      mine.complete(unpack(image, done));
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
    } finally {
      unpacking.remove(chainId);
    }
    return List.of(join(mine));
  }

  private Path unpack(List<Mountspec> image, Path done) {
    if (Files.isDirectory(done)) {
      return done;
    }
    Path tmp = rootfs.resolve(done.getFileName() + ".tmp");
    try {
      LayerUnpacker.deleteTree(tmp);
      Files.createDirectories(tmp);
      for (Mountspec layer : image) {
        try (InputStream in = Files.newInputStream(blob(layer))) {
          LayerUnpacker.apply(in, tmp, chown);
        }
      }
      Files.move(tmp, done, StandardCopyOption.ATOMIC_MOVE);
      LOG.info("event=image-unpacked rootfs={} layers={}", done, image.size());
      return done;
    } catch (IOException e) {
      LayerUnpacker.deleteQuietly(tmp);
      throw new LayerException("cannot unpack the image into " + done + ": " + e, e);
    } catch (RuntimeException e) {
      LayerUnpacker.deleteQuietly(tmp);
      throw e;
    }
  }

  /** The layer's blob on disk, downloaded and checked first if it is not there yet. */
  private Path blob(Mountspec layer) throws IOException {
    String sha = layer.sha256();
    Path file = blobs.resolve(sha);
    if (Files.isRegularFile(file)) {
      return file;
    }
    Files.createDirectories(blobs);
    Path tmp = Files.createTempFile(blobs, sha, ".part");
    try {
      MessageDigest digest = sha256();
      try (InputStream in = source.open(layer);
          OutputStream out = Files.newOutputStream(tmp)) {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
          digest.update(buf, 0, n);
          out.write(buf, 0, n);
        }
      }
      String got = HexFormat.of().formatHex(digest.digest());
      if (!got.equals(sha)) {
        throw new LayerException(
            "layer " + layer.url() + " has sha256 " + got + ", expected " + sha + ": refused");
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      LOG.info("event=layer-fetched sha256={} url={}", sha, layer.url());
      return file;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static String chainId(List<Mountspec> image) {
    MessageDigest digest = sha256();
    for (Mountspec layer : image) {
      digest.update((layer.sha256() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void requireDigest(Mountspec layer) {
    if (layer.sha256() == null || !SHA256.matcher(layer.sha256()).matches()) {
      throw new LayerException("layer " + layer.id() + " has no valid sha256 hash");
    }
  }

  private static Path join(CompletableFuture<Path> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new UncheckedIOException(new IOException(e.getCause()));
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
