package flynn.controller.formations;

import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.controller.Formation;
import flynn.api.http.ApiException;
import flynn.controller.web.Params;
import flynn.http.Bodies;
import flynn.http.Responses;
import flynn.http.SseResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Formations ({@code /apps/:id/formations}, {@code /formations}) and scaling. */
public final class FormationHandler {
  private final FormationService formations;
  private final FormationStream stream;

  public FormationHandler(FormationService formations, FormationStream stream) {
    this.formations = formations;
    this.stream = stream;
  }

  public void routes(HttpRouting.Builder r) {
    String one = "/apps/{app}/formations/{release}";
    r.put(
        one,
        (req, res) ->
            Responses.json(
                res, formations.put(app(req), release(req), Bodies.read(req, Formation.class))));
    r.get(one, this::get);
    r.delete(
        one,
        (req, res) -> {
          formations.delete(app(req), release(req));
          res.status(200).send();
        });
    r.get("/apps/{app}/formations", (req, res) -> Responses.json(res, formations.list(app(req))));
    r.get("/formations", this::formations);
    r.put(
        "/apps/{app}/scale/{release}",
        (req, res) ->
            Responses.json(
                res, formations.scale(app(req), release(req), Bodies.read(req, JsonNode.class))));
  }

  private void get(ServerRequest req, ServerResponse res) {
    if (Params.flag(req, "expand")) {
      Responses.json(res, formations.getExpanded(app(req), release(req)));
    } else {
      Responses.json(res, formations.get(app(req), release(req)));
    }
  }

  private void formations(ServerRequest req, ServerResponse res) throws Exception {
    if (SseResponse.wanted(req)) {
      stream.serve(res, since(req));
    } else if (Params.flag(req, "active")) {
      Responses.json(res, formations.listActive());
    } else {
      throw ApiException.validation("", "must either request a stream or only active formations");
    }
  }

  private static OffsetDateTime since(ServerRequest req) {
    String since =
        Params.query(req, "since")
            .orElseThrow(() -> ApiException.validation("since", "since must be an RFC 3339 time"));
    try {
      return OffsetDateTime.parse(since);
    } catch (DateTimeParseException e) {
      throw ApiException.validation("since", "since must be an RFC 3339 time, got " + since);
    }
  }

  private static String app(ServerRequest req) {
    return Params.path(req, "app");
  }

  private static String release(ServerRequest req) {
    return Params.path(req, "release");
  }
}
