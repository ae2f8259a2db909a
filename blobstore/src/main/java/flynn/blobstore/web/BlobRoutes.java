package flynn.blobstore.web;

import flynn.api.http.ApiException;
import flynn.blobstore.store.BlobPaths;
import flynn.blobstore.store.FileStore;
import flynn.blobstore.store.ObjectInfo;
import flynn.blobstore.store.OpenObject;
import flynn.http.Responses;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flynn's blobstore API: {@code GET/HEAD/PUT/DELETE} of an object at any path, and {@code GET
 * /?dir=<prefix>} listing paths. Bodies are streamed both ways. Responses carry the content hash as
 * {@code ETag} and {@code X-Content-Sha256}.
 */
public final class BlobRoutes implements HttpService {
  private static final Logger LOG = LoggerFactory.getLogger(BlobRoutes.class);
  private static final HeaderName CONTENT_SHA256 =
      HeaderNames.create(ExpectedDigest.CONTENT_SHA256);
  private static final HeaderName DIGEST = HeaderNames.create("Digest");

  private final FileStore store;

  public BlobRoutes(FileStore store) {
    this.store = store;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/", this::list)
        .head("/", (req, res) -> res.send())
        .get("/*", this::get)
        .head("/*", this::head)
        .put("/*", this::put)
        .delete("/*", this::delete);
  }

  private void list(ServerRequest req, ServerResponse res) {
    String dir = req.query().first("dir").orElse("/");
    Responses.json(res, store.list(dir.startsWith("/") ? dir : "/" + dir));
  }

  private void get(ServerRequest req, ServerResponse res) {
    String path = path(req);
    try (OpenObject object = store.open(path).orElseThrow(() -> notFound(path));
        InputStream in = object.content()) {
      headers(res, object.info());
      try (OutputStream out = res.outputStream()) {
        in.transferTo(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot send " + path, e);
    }
  }

  private void head(ServerRequest req, ServerResponse res) {
    String path = path(req);
    headers(res, store.stat(path).orElseThrow(() -> notFound(path)));
    res.send();
  }

  private void put(ServerRequest req, ServerResponse res) {
    String path = path(req);
    if (path.equals("/")) {
      throw ApiException.validation("path", "an object needs a path below /");
    }
    var expected =
        ExpectedDigest.of(
            path,
            req.headers().first(CONTENT_SHA256).orElse(null),
            req.headers().first(DIGEST).orElse(null));
    String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse(null);
    ObjectInfo info;
    try (InputStream body = req.content().inputStream()) {
      info = store.put(path, body, type, expected);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the upload of " + path, e);
    }
    LOG.info("event=object-stored path={} size={} sha256={}", path, info.size(), info.sha256());
    res.header(HeaderNames.ETAG, info.etag());
    res.header(CONTENT_SHA256, info.sha256());
    res.status(Status.OK_200).send();
  }

  private void delete(ServerRequest req, ServerResponse res) {
    String path = path(req);
    if (!store.delete(path)) {
      throw notFound(path);
    }
    LOG.info("event=object-deleted path={}", path);
    res.status(Status.OK_200).send();
  }

  private static void headers(ServerResponse res, ObjectInfo info) {
    res.header(HeaderNames.CONTENT_LENGTH, Long.toString(info.size()));
    res.header(HeaderNames.CONTENT_TYPE, info.contentType());
    res.header(HeaderNames.ETAG, info.etag());
    res.header(CONTENT_SHA256, info.sha256());
  }

  private static String path(ServerRequest req) {
    return BlobPaths.clean(req.path().path());
  }

  private static ApiException notFound(String path) {
    return ApiException.notFound("object", path);
  }
}
