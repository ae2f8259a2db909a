package flynn.host.images;

import flynn.api.host.Mountspec;
import java.io.IOException;
import java.io.InputStream;

/** Where layer blobs come from; the caller closes the stream. */
@FunctionalInterface
public interface BlobSource {
  InputStream open(Mountspec layer) throws IOException;
}
