package flynn.blobstore.store;

import flynn.api.Json;
import flynn.api.http.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The filesystem backend. An object's bytes and its {@link ObjectInfo} live under {@code
 * objects/<k[0:2]>/}, named by {@code k}, the SHA-256 of its path, so no path a client sends ever
 * becomes a filesystem path. Bytes are streamed to a temp file while hashed, checked against the
 * digest the client expects, synced, and then made visible by renaming the info file, the one
 * commit point: readers see the old object or the new one, never a part.
 */
public final class FileStore {
  private static final int BUFFER = 64 * 1024;
  private static final int STRIPES = 64;

  private final Path objects;
  private final Path tmp;
  private final Clock clock;
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  public FileStore(Path root, Clock clock) {
    this.objects = root.resolve("objects");
    this.tmp = root.resolve("tmp");
    this.clock = clock;
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
    try {
      Files.createDirectories(objects);
      Files.createDirectories(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create blobstore dir " + root, e);
    }
  }

  /** The object's info, or empty when there is none at {@code path}. */
  public Optional<ObjectInfo> stat(String path) {
    String key = Sha256.of(BlobPaths.clean(path));
    return locked(key, () -> readInfo(key));
  }

  /** Opens the object for streaming; the caller closes it. */
  public Optional<OpenObject> open(String path) {
    String key = Sha256.of(BlobPaths.clean(path));
    return locked(
        key,
        () ->
            readInfo(key)
                .map(info -> new OpenObject(info, newInputStream(dataFile(key, info.sha256())))));
  }

  /**
   * Stores {@code body} at {@code path}, replacing what was there.
   *
   * @param expectedSha256 the hex SHA-256 the client says the body has; when present and the body
   *     hashes to something else, nothing is stored and a 400 says so
   */
  public ObjectInfo put(
      String path, InputStream body, String contentType, Optional<String> expectedSha256) {
    String clean = BlobPaths.clean(path);
    String key = Sha256.of(clean);
    Path temp = createTemp();
    try {
      Written written = write(body, temp);
      if (expectedSha256.isPresent() && !expectedSha256.get().equals(written.sha256())) {
        throw ApiException.validation(
            "digest",
            "content of "
                + clean
                + " has sha256 "
                + written.sha256()
                + " but the request said "
                + expectedSha256.get()
                + ": the upload was cut short or corrupted, or the digest is wrong; nothing was"
                + " stored");
      }
      ObjectInfo info =
          new ObjectInfo(
              clean,
              written.size(),
              written.sha256(),
              contentType == null ? "application/octet-stream" : contentType,
              clock.instant());
      locked(key, () -> commit(key, info, temp));
      return info;
    } finally {
      deleteQuietly(temp);
    }
  }

  /** Deletes the object; false when there was none. */
  public boolean delete(String path) {
    String key = Sha256.of(BlobPaths.clean(path));
    return locked(
        key,
        () -> {
          Optional<ObjectInfo> info = readInfo(key);
          if (info.isEmpty()) {
            return false;
          }
          deleteQuietly(infoFile(key));
          deleteQuietly(dataFile(key, info.get().sha256()));
          return true;
        });
  }

  /** The paths of every object whose path starts with {@code prefix}, sorted. */
  public List<String> list(String prefix) {
    List<String> paths = new ArrayList<>();
    try (Stream<Path> files = Files.walk(objects, 2)) {
      files
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .forEach(p -> readInfoFile(p).map(ObjectInfo::path).ifPresent(paths::add));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + objects, e);
    }
    return paths.stream().filter(p -> p.startsWith(prefix)).sorted().toList();
  }

  private record Written(long size, String sha256) {}

  private static Written write(InputStream body, Path temp) {
    MessageDigest sha = Sha256.digest();
    long size = 0;
    byte[] buf = new byte[BUFFER];
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE);
        OutputStream out = Channels.newOutputStream(ch)) {
      int n;
      while ((n = body.read(buf)) > 0) {
        sha.update(buf, 0, n);
        out.write(buf, 0, n);
        size += n;
      }
      out.flush();
      ch.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write upload to " + temp, e);
    }
    return new Written(size, Sha256.hex(sha.digest()));
  }

  private Void commit(String key, ObjectInfo info, Path temp) {
    Optional<ObjectInfo> old = readInfo(key);
    try {
      Files.createDirectories(infoFile(key).getParent());
      Path data = dataFile(key, info.sha256());
      Files.move(temp, data, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Path infoTemp = createTemp();
      Files.write(infoTemp, Json.writeBytes(info));
      Files.move(
          infoTemp,
          infoFile(key),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store " + info.path(), e);
    }
    old.filter(o -> !o.sha256().equals(info.sha256()))
        .ifPresent(o -> deleteQuietly(dataFile(key, o.sha256())));
    return null;
  }

  private Optional<ObjectInfo> readInfo(String key) {
    return readInfoFile(infoFile(key));
  }

  private static Optional<ObjectInfo> readInfoFile(Path file) {
    try {
      return Optional.of(Json.mapper().readValue(Files.readAllBytes(file), ObjectInfo.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private Path infoFile(String key) {
    return objects.resolve(key.substring(0, 2)).resolve(key + ".json");
  }

  private Path dataFile(String key, String sha256) {
    return objects.resolve(key.substring(0, 2)).resolve(key + "-" + sha256 + ".data");
  }

  private Path createTemp() {
    try {
      return Files.createTempFile(tmp, "upload-", ".part");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temp file in " + tmp, e);
    }
  }

  private static InputStream newInputStream(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file, e);
    }
  }

  private <T> T locked(String key, Supplier<T> action) {
    ReentrantLock lock = locks[Math.floorMod(key.hashCode(), STRIPES)];
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover temp or replaced file: harmless, only disk space
    }
  }
}
