package flynn.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import flynn.api.http.ApiException;
import io.helidon.webserver.http.HttpRouting;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every exception a handler throws to Flynn's JSON error, in one place. */
public final class JsonErrors {
  private static final Logger LOG = LoggerFactory.getLogger(JsonErrors.class);

  private JsonErrors() {}

  public static void install(HttpRouting.Builder routing) {
    routing
        .error(ApiException.class, (req, res, e) -> Responses.error(res, e))
        .error(
            JsonProcessingException.class,
            (req, res, e) -> Responses.error(res, ApiException.syntax(syntaxMessage(e))))
        .error(
            UncheckedIOException.class,
            (req, res, e) ->
                Responses.error(
                    res,
                    e.getCause() instanceof JsonProcessingException j
                        ? ApiException.syntax(syntaxMessage(j))
                        : internal(req.path().path(), e)))
        .error(
            RuntimeException.class,
            (req, res, e) -> Responses.error(res, internal(req.path().path(), e)));
  }

  private static ApiException internal(String path, Exception e) {
    LOG.error("request failed path={}", path, e);
    return new ApiException(500, ApiException.UNKNOWN_ERROR, "internal error: " + e, null);
  }

  private static String syntaxMessage(JsonProcessingException e) {
    return "invalid JSON: " + e.getOriginalMessage();
  }
}
