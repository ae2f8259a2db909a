package flynn.api.blobstore;

import flynn.api.http.ApiException;
import flynn.api.http.JsonHttp;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A client of the blobstore (Flynn's {@code blobstore.discoverd}): objects at paths, streamed both
 * ways, uploads checked against the SHA-256 the caller names.
 */
public final class BlobstoreClient {
  /** The header carrying an object's SHA-256 (hex), on uploads and in answers. */
  public static final String CONTENT_SHA256 = "X-Content-Sha256";

  private static final Duration TRANSFER_TIMEOUT = Duration.ofHours(1);

  private final String baseUrl;
  private final String authorization;
  private final HttpClient http;

  /**
   * @param key the cluster key, or null for none
   */
  public BlobstoreClient(String baseUrl, String key) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.authorization = key == null ? null : JsonHttp.basicAuth(key);
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** The object's SHA-256 (hex), or empty when there is no object at {@code path}. */
  public Optional<String> sha256(String path) {
    HttpResponse<InputStream> resp =
        send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()), true);
    close(resp);
    if (resp.statusCode() == 404) {
      return Optional.empty();
    }
    return resp.headers().firstValue(CONTENT_SHA256);
  }

  /** Uploads {@code file} to {@code path}; the blobstore refuses it unless it hashes to sha256. */
  public void put(String path, Path file, String sha256) {
    HttpRequest.BodyPublisher body;
    try {
      body = HttpRequest.BodyPublishers.ofFile(file);
    } catch (FileNotFoundException e) {
      throw new IllegalArgumentException("no such file: " + file, e);
    }
    close(
        send(
            request(path)
                .header(CONTENT_SHA256, sha256)
                .header("Content-Type", "application/octet-stream")
                .PUT(body),
            false));
  }

  /** Opens the object for reading; the caller closes the stream. */
  public InputStream open(String path) {
    return send(request(path).GET(), false).body();
  }

  public void delete(String path) {
    close(send(request(path).DELETE(), false));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(baseUrl + (path.startsWith("/") ? "" : "/") + path))
            .timeout(TRANSFER_TIMEOUT);
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }

  private HttpResponse<InputStream> send(HttpRequest.Builder req, boolean notFoundIsAnswer) {
    try {
      HttpResponse<InputStream> resp =
          http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
      if (resp.statusCode() >= 300 && !(notFoundIsAnswer && resp.statusCode() == 404)) {
        try (InputStream in = resp.body()) {
          throw JsonHttp.errorFrom(resp.statusCode(), in.readAllBytes());
        }
      }
      return resp;
    } catch (IOException e) {
      String why = e instanceof ConnectException ? "connection refused" : e.toString();
      throw ApiException.unavailable("cannot reach the blobstore at " + baseUrl + ": " + why);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("interrupted");
    }
  }

  private static void close(HttpResponse<InputStream> resp) {
    try {
      resp.body().close();
    } catch (IOException e) {
      // the answer was read; nothing left to release
    }
  }
}
