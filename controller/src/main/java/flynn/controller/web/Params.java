package flynn.controller.web;

import flynn.api.http.ApiException;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/** Path and query parameters, with parse failures as validation errors naming the parameter. */
public final class Params {
  private Params() {}

  public static String path(ServerRequest req, String name) {
    return req.path().pathParameters().get(name);
  }

  public static Optional<String> query(ServerRequest req, String name) {
    return req.query().first(name).asOptional().filter(s -> !s.isEmpty());
  }

  public static boolean flag(ServerRequest req, String name) {
    return query(req, name).map("true"::equals).orElse(false);
  }

  public static Optional<Long> longQuery(ServerRequest req, String name) {
    return query(req, name).map(v -> parseLong(name, v));
  }

  public static int intQuery(ServerRequest req, String name, int fallback) {
    return query(req, name).map(v -> Math.toIntExact(parseLong(name, v))).orElse(fallback);
  }

  public static long parseLong(String name, String value) {
    try {
      long n = Long.parseLong(value.trim());
      if (n < 0) {
        throw ApiException.validation(name, name + " must not be negative: " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.validation(name, name + " must be a whole number: " + value);
    }
  }
}
