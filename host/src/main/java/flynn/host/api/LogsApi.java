package flynn.host.api;

import flynn.api.controller.LogLine;
import flynn.api.http.ApiException;
import flynn.host.logs.LogFilter;
import flynn.host.logs.LogStore;
import flynn.http.Responses;
import flynn.http.SseResponse;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /host/logs/:app?lines=&job_id=&process_type=&follow=}: an app's captured lines on this
 * host as a JSON list, or with {@code follow=true} and SSE the last {@code lines} then every new
 * one.
 */
final class LogsApi implements HttpService {
  private final LogStore logs;

  LogsApi(LogStore logs) {
    this.logs = logs;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/{app}", this::read);
  }

  private void read(ServerRequest req, ServerResponse res) {
    String app = req.path().pathParameters().get("app");
    LogFilter filter = new LogFilter(param(req, "job_id"), param(req, "process_type"));
    int lines = lines(req);
    if (SseResponse.wanted(req) && "true".equals(param(req, "follow"))) {
      follow(logs.follow(app, filter, lines), new SseResponse(res));
      return;
    }
    Responses.json(res, logs.tail(app, filter, lines));
  }

  private static void follow(LogStore.Following following, SseResponse out) {
    try {
      for (LogLine line : following.history()) {
        out.send(null, null, line);
      }
    } catch (IOException e) {
      following.live().close();
      return;
    }
    SsePump.pump(following.live(), out);
  }

  private static int lines(ServerRequest req) {
    String lines = param(req, "lines");
    if (lines == null) {
      return 0;
    }
    try {
      int n = Integer.parseInt(lines);
      if (n < 0) {
        throw ApiException.validation("lines", "must not be negative");
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.validation("lines", "must be a number: " + lines);
    }
  }

  private static String param(ServerRequest req, String name) {
    Optional<String> value = req.query().first(name).asOptional();
    return value.filter(v -> !v.isEmpty()).orElse(null);
  }
}
