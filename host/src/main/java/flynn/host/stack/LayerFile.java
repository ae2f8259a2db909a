package flynn.host.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A file a stack layer adds to its root: {@code path} inside the root, its content a resource of
 * this package, and whether it is executable.
 */
public record LayerFile(String path, String resource, boolean executable) {
  /** A start script of an appliance, installed as {@code /usr/local/bin/<name>}. */
  static LayerFile startScript(String name) {
    return new LayerFile("usr/local/bin/" + name, name, true);
  }

  /** The file's content, from the resource beside this class. */
  public byte[] content() {
    try (InputStream in = LayerFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("stack layer file " + resource + " is not packaged");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
