package flynn.http;

import flynn.api.Json;
import flynn.api.http.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** JSON responses, the one way handlers answer. */
public final class Responses {
  private Responses() {}

  public static void json(ServerResponse res, Object body) {
    json(res, 200, body);
  }

  public static void json(ServerResponse res, int status, Object body) {
    res.status(Status.create(status));
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send(Json.writeBytes(body));
  }

  public static void error(ServerResponse res, ApiException e) {
    json(res, e.status(), e.error());
  }
}
