package flynn.builder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The build script, its helpers and the built-in buildpacks: the resources listed in {@code
 * files.txt} beside them, shipped to every build under {@code builder/}.
 */
final class BuilderFiles {
  private static final String ROOT = "/flynn/builder/";

  /** One shipped file: its path under {@code builder/}, its mode and its content. */
  record BuilderFile(String path, int mode, byte[] content) {}

  private BuilderFiles() {}

  static List<BuilderFile> all() {
    return index()
        .lines()
        .map(String::strip)
        .filter(BuilderFiles::isEntry)
        .map(BuilderFiles::load)
        .toList();
  }

  private static boolean isEntry(String line) {
    return !line.isEmpty() && !line.startsWith("#");
  }

  private static BuilderFile load(String line) {
    String[] fields = line.split(" ", 2);
    return new BuilderFile(fields[1], Integer.parseInt(fields[0], 8), read(fields[1]));
  }

  private static String index() {
    return new String(read("files.txt"), StandardCharsets.UTF_8);
  }

  private static byte[] read(String path) {
    try (InputStream in = BuilderFiles.class.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        throw new IllegalStateException("builder resource missing from the jar: " + ROOT + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
