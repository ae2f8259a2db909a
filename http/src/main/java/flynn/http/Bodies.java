package flynn.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import flynn.api.Json;
import flynn.api.http.ApiException;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads request bodies as JSON, bounded in size; bad input becomes a 400 that says why. */
public final class Bodies {
  /** The default limit of a JSON request body. */
  public static final long MAX_JSON_BYTES = 1 << 20;

  private Bodies() {}

  public static <T> T read(ServerRequest req, Class<T> type) {
    byte[] bytes = bytes(req, MAX_JSON_BYTES);
    if (bytes.length == 0) {
      throw ApiException.syntax("request body is empty: expected a JSON object");
    }
    try {
      T value = Json.mapper().readValue(bytes, type);
      if (value == null) {
        throw ApiException.syntax("request body is null: expected a JSON object");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw ApiException.syntax("invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The whole body, refusing one larger than {@code limit} bytes. */
  public static byte[] bytes(ServerRequest req, long limit) {
    if (req.headers().contentLength().orElse(0) > limit) {
      throw ApiException.tooBig(limit);
    }
    if (!req.content().hasEntity()) {
      return new byte[0];
    }
    try (InputStream in = req.content().inputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (bytes.length > limit) {
        throw ApiException.tooBig(limit);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
