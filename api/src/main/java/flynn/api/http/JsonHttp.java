package flynn.api.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import flynn.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * One JSON-over-HTTP helper for every client: auth (HTTP Basic, empty user, the cluster key),
 * encoding, and error bodies mapped to {@link ApiException}. Each client method is one line on top.
 */
public final class JsonHttp {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final URI base;
  private final String authorization;
  private final HttpClient http;
  private final Duration requestTimeout;

  public JsonHttp(String baseUrl, String key) {
    this(
        URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/"),
        key == null ? null : basicAuth(key),
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build(),
        REQUEST_TIMEOUT);
  }

  private JsonHttp(URI base, String authorization, HttpClient http, Duration requestTimeout) {
    this.base = base;
    this.authorization = authorization;
    this.http = http;
    this.requestTimeout = requestTimeout;
  }

  /**
   * The same client with another limit on how long a request may take, for calls that wait on slow
   * work (provisioning a database the first time builds its image).
   */
  public JsonHttp withTimeout(Duration timeout) {
    return new JsonHttp(base, authorization, http, timeout);
  }

  /** The {@code Authorization} header value of Flynn's scheme: Basic, empty user, the key. */
  public static String basicAuth(String key) {
    return "Basic "
        + Base64.getEncoder().encodeToString((":" + key).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * POSTs {@code body} to {@code path} asking to switch to {@code protocol}; the connection after
   * the server's {@code 101}, or the server's error as an {@link ApiException}.
   */
  public UpgradedConnection upgrade(String path, Object body, String protocol) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    return UpgradedConnection.post(base.toString(), authorization, "/" + relative, body, protocol);
  }

  public String baseUrl() {
    String s = base.toString();
    return s.substring(0, s.length() - 1);
  }

  public <T> T get(String path, Class<T> type) {
    return send(request(path).GET(), Json.mapper().constructType(type));
  }

  public <T> T get(String path, TypeReference<T> type) {
    return send(request(path).GET(), Json.mapper().constructType(type));
  }

  public <T> T post(String path, Object body, Class<T> type) {
    return send(request(path).POST(json(body)), Json.mapper().constructType(type));
  }

  public <T> T put(String path, Object body, Class<T> type) {
    return send(request(path).PUT(json(body)), Json.mapper().constructType(type));
  }

  public void put(String path, Object body) {
    send(request(path).PUT(json(body)), null);
  }

  public void post(String path, Object body) {
    send(request(path).POST(json(body)), null);
  }

  public void delete(String path) {
    send(request(path).DELETE(), null);
  }

  public <T> T delete(String path, Class<T> type) {
    return send(request(path).DELETE(), Json.mapper().constructType(type));
  }

  /**
   * Opens a Server-Sent Events stream. The caller owns the returned stream and must close it.
   *
   * @param lastEventId sent as {@code Last-Event-Id} when not null
   */
  public SseStream stream(String path, String lastEventId) {
    HttpRequest.Builder req = request(path).setHeader("Accept", "text/event-stream").GET();
    req.timeout(Duration.ofDays(365));
    if (lastEventId != null) {
      req.header("Last-Event-Id", lastEventId);
    }
    try {
      HttpResponse<InputStream> resp =
          http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
      if (resp.statusCode() >= 300) {
        byte[] body;
        try (InputStream in = resp.body()) {
          body = in.readAllBytes();
        }
        throw errorFrom(resp.statusCode(), body);
      }
      return new SseStream(resp.body());
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, ApiException.SERVICE_UNAVAILABLE, "interrupted", null);
    }
  }

  /**
   * {@code GET} a streamed, non-SSE body (e.g. newline-delimited JSON logs). The caller owns the
   * returned stream and must close it; with no request timeout it can be followed indefinitely.
   */
  public InputStream open(String path) {
    HttpRequest.Builder req = request(path).GET();
    req.timeout(Duration.ofDays(365));
    try {
      HttpResponse<InputStream> resp =
          http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
      if (resp.statusCode() >= 300) {
        try (InputStream in = resp.body()) {
          throw errorFrom(resp.statusCode(), in.readAllBytes());
        }
      }
      return resp.body();
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, ApiException.SERVICE_UNAVAILABLE, "interrupted", null);
    }
  }

  private HttpRequest.Builder request(String path) {
    String rel = path.startsWith("/") ? path.substring(1) : path;
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(rel))
            .timeout(requestTimeout)
            .header("Accept", "application/json");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    return body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(Json.writeBytes(body));
  }

  private <T> T send(HttpRequest.Builder req, JavaType type) {
    req.header("Content-Type", "application/json");
    try {
      HttpResponse<byte[]> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (resp.statusCode() >= 300) {
        throw errorFrom(resp.statusCode(), resp.body());
      }
      if (type == null || resp.body().length == 0) {
        return null;
      }
      return Json.mapper().readValue(resp.body(), type);
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, ApiException.SERVICE_UNAVAILABLE, "interrupted", null);
    }
  }

  private ApiException unreachable(IOException e) {
    String why =
        e instanceof ConnectException ? "connection refused" : String.valueOf(e.getMessage());
    return new ApiException(
        503, ApiException.SERVICE_UNAVAILABLE, "cannot reach " + baseUrl() + ": " + why, null);
  }

  /** The error an error response stands for: its JSON error, or a generic one from the status. */
  public static ApiException errorFrom(int status, byte[] body) {
    try {
      ApiError err = Json.mapper().readValue(body, ApiError.class);
      if (err.code() != null) {
        return new ApiException(status, err);
      }
    } catch (IOException | UncheckedIOException ignored) {
      // not a JSON error body: fall through to a generic one
    }
    String text = new String(body, StandardCharsets.UTF_8).strip();
    String code = status == 404 ? ApiException.NOT_FOUND : ApiException.UNKNOWN_ERROR;
    return new ApiException(
        status, code, "HTTP " + status + (text.isEmpty() ? "" : ": " + text), null);
  }
}
