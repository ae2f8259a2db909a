package flynn.blobstore.store;

import java.util.ArrayDeque;
import java.util.Deque;

/** Object paths in their one normal form, as Flynn's blobstore cleans them ({@code path.Clean}). */
public final class BlobPaths {
  private BlobPaths() {}

  /** {@code a//b/./c/../d} becomes {@code /a/b/d}; {@code ..} never climbs above {@code /}. */
  public static String clean(String path) {
    Deque<String> segments = new ArrayDeque<>();
    for (String s : path.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        segments.pollLast();
      } else {
        segments.addLast(s);
      }
    }
    return "/" + String.join("/", segments);
  }
}
