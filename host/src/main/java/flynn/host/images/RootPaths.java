package flynn.host.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Paths inside an image root resolved as the container will see them: symlinks already in the root
 * are followed as if the root were {@code /} (an absolute target starts again at the root, {@code
 * ..} stops at it), so no path a layer names can reach outside the root.
 */
final class RootPaths {
  private static final int MAX_LINKS = 40;

  private RootPaths() {}

  /** The clean, relative segments of a tar entry name; a {@code ..} segment is refused. */
  static List<String> segments(String entryName) {
    List<String> out = new ArrayList<>();
    for (String s : entryName.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        throw new LayerException(
            "layer entry " + entryName + " is refused: it names a parent directory (..)");
      }
      out.add(s);
    }
    return out;
  }

  /**
   * Where {@code segments} lands under {@code root}: every segment but the last resolved through
   * the root's symlinks, the last one taken as is (it is what gets created or replaced).
   */
  static Path resolve(Path root, List<String> segments) {
    if (segments.isEmpty()) {
      return root;
    }
    Path parent = resolveDir(root, segments.subList(0, segments.size() - 1));
    return parent.resolve(segments.get(segments.size() - 1));
  }

  private static Path resolveDir(Path root, List<String> segments) {
    Deque<String> todo = new ArrayDeque<>(segments);
    List<String> done = new ArrayList<>();
    int links = 0;
    while (!todo.isEmpty()) {
      String s = todo.pollFirst();
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        if (!done.isEmpty()) {
          done.remove(done.size() - 1);
        }
        continue;
      }
      Path candidate = join(root, done).resolve(s);
      if (!Files.isSymbolicLink(candidate)) {
        done.add(s);
        continue;
      }
      if (++links > MAX_LINKS) {
        throw new LayerException("too many symlinks under " + String.join("/", segments));
      }
      String target = readLink(candidate);
      if (target.startsWith("/")) {
        done.clear();
      }
      List<String> parts = Arrays.asList(target.split("/"));
      for (int i = parts.size() - 1; i >= 0; i--) {
        todo.addFirst(parts.get(i));
      }
    }
    return join(root, done);
  }

  private static Path join(Path root, List<String> segments) {
    Path p = root;
    for (String s : segments) {
      p = p.resolve(s);
    }
    return p;
  }

  private static String readLink(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read symlink " + link, e);
    }
  }
}
