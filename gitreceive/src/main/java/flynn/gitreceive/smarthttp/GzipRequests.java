package flynn.gitreceive.smarthttp;

import io.helidon.http.encoding.ContentDecoder;
import io.helidon.http.encoding.ContentEncoder;
import io.helidon.http.encoding.ContentEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Gunzips request bodies (git compresses its fetch negotiation and JGit every request) while they
 * stream, and never compresses answers: a compressed side band would hold build output back.
 */
public final class GzipRequests implements ContentEncoding {
  private static final int BUFFER = 64 * 1024;

  @Override
  public Set<String> ids() {
    return Set.of("gzip", "x-gzip");
  }

  @Override
  public boolean supportsEncoding() {
    return false;
  }

  @Override
  public boolean supportsDecoding() {
    return true;
  }

  @Override
  public ContentDecoder decoder() {
    return in -> gunzip(in);
  }

  @Override
  public ContentEncoder encoder() {
    throw new UnsupportedOperationException("gitreceive does not compress answers");
  }

  @Override
  public String name() {
    return "gzip-requests";
  }

  @Override
  public String type() {
    return "gzip";
  }

  private static InputStream gunzip(InputStream in) {
    try {
      return new GZIPInputStream(in, BUFFER);
    } catch (IOException e) {
      throw new UncheckedIOException("the gzipped request body is broken", e);
    }
  }
}
