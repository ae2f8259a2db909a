package flynn.blobstore.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** An object opened for reading; the bytes stay readable even if the path is replaced meanwhile. */
public record OpenObject(ObjectInfo info, InputStream content) implements Closeable {
  @Override
  public void close() throws IOException {
    content.close();
  }
}
