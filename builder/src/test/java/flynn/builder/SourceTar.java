package flynn.builder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A tar of an app's files as {@code git archive} makes it: paths relative to the app's root. */
final class SourceTar {
  private SourceTar() {}

  static void write(Path app, OutputStream out) throws IOException {
    TarWriter tar = new TarWriter(out);
    try (Stream<Path> files = Files.walk(app)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        int mode = Files.isExecutable(file) ? 0755 : 0644;
        tar.file(app.relativize(file).toString(), mode, file);
      }
    }
    tar.finish();
  }
}
