package flynn.host.images;

import flynn.host.state.FileTrees;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Applies one OCI layer (a tar, gzip-compressed or not) onto a root directory: files, directories,
 * symlinks and hardlinks with their modes, owners and times; OCI whiteouts ({@code .wh.<name>}
 * removes a lower file, {@code .wh..wh..opq} empties a lower directory). Device nodes and FIFOs are
 * skipped. Entry names cannot climb out of the root (see {@link RootPaths}).
 */
final class LayerUnpacker {
  static final String WHITEOUT = ".wh.";
  static final String OPAQUE = ".wh..wh..opq";
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  private final Path root;
  private final boolean chown;
  private final Set<Path> created = new HashSet<>();

  private LayerUnpacker(Path root, boolean chown) {
    this.root = root;
    this.chown = chown;
  }

  /**
   * @param chown whether to give files the owners the layer names (needs root)
   */
  static void apply(InputStream layer, Path root, boolean chown) throws IOException {
    new LayerUnpacker(root, chown).unpack(decompressed(layer));
  }

  private static InputStream decompressed(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(2);
    int b1 = buffered.read();
    int b2 = buffered.read();
    buffered.reset();
    if (b1 != 0x1f || b2 != 0x8b) {
      return buffered;
    }
    return GzipCompressorInputStream.builder()
        .setInputStream(buffered)
        .setDecompressConcatenated(true)
        .get();
  }

  private void unpack(InputStream in) throws IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
      List<String> segments = RootPaths.segments(e.getName());
      if (segments.isEmpty()) {
        continue;
      }
      String base = segments.get(segments.size() - 1);
      Path target = RootPaths.resolve(root, segments);
      if (base.equals(OPAQUE)) {
        emptyLowerDir(target.getParent());
      } else if (base.startsWith(WHITEOUT)) {
        Path hidden = target.resolveSibling(base.substring(WHITEOUT.length()));
        if (!created.contains(hidden)) {
          deleteTree(hidden);
        }
      } else {
        extract(tar, e, target);
      }
    }
  }

  private void extract(TarArchiveInputStream tar, TarArchiveEntry e, Path target)
      throws IOException {
    if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
      return;
    }
    Files.createDirectories(target.getParent());
    if (e.isDirectory()) {
      if (!Files.isDirectory(target, NOFOLLOW)) {
        deleteTree(target);
        Files.createDirectory(target);
      }
    } else if (e.isSymbolicLink()) {
      deleteTree(target);
      Files.createSymbolicLink(target, Path.of(e.getLinkName()));
    } else if (e.isLink()) {
      Path source = RootPaths.resolve(root, RootPaths.segments(e.getLinkName()));
      if (!Files.isRegularFile(source, NOFOLLOW)) {
        throw new LayerException(
            "layer entry " + e.getName() + " links to " + e.getLinkName() + ", not a file here");
      }
      deleteTree(target);
      Files.createLink(target, source);
      created.add(target);
      return;
    } else {
      deleteTree(target);
      Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
    }
    created.add(target);
    setMetadata(e, target);
  }

  private void setMetadata(TarArchiveEntry e, Path target) throws IOException {
    if (chown) {
      Files.setAttribute(target, "unix:uid", (int) e.getLongUserId(), NOFOLLOW);
      Files.setAttribute(target, "unix:gid", (int) e.getLongGroupId(), NOFOLLOW);
    }
    if (!e.isSymbolicLink()) {
      Files.setAttribute(target, "unix:mode", e.getMode() & 07777, NOFOLLOW);
    }
    Files.getFileAttributeView(target, BasicFileAttributeView.class, NOFOLLOW)
        .setTimes(e.getLastModifiedTime(), null, null);
  }

  /** An opaque directory hides what lower layers put in it, not what this layer adds. */
  private void emptyLowerDir(Path dir) throws IOException {
    if (!Files.isDirectory(dir, NOFOLLOW)) {
      Files.createDirectories(dir);
      return;
    }
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : children.toList()) {
        if (!created.contains(child)) {
          deleteTree(child);
        }
      }
    }
  }

  static void deleteTree(Path path) throws IOException {
    FileTrees.delete(path);
  }

  static void deleteQuietly(Path path) {
    try {
      deleteTree(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }
}
