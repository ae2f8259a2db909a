package flynn.controller.events;

import flynn.api.controller.Event;
import flynn.controller.web.Params;
import flynn.http.Responses;
import flynn.http.SseResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** {@code GET /events} (a list, or an SSE stream) and {@code GET /events/:id}. */
public final class EventHandler {
  private final EventService events;
  private final EventFollower follower;

  public EventHandler(EventService events, EventFollower follower) {
    this.events = events;
    this.follower = follower;
  }

  public void routes(HttpRouting.Builder r) {
    r.get("/events", this::events);
    r.get(
        "/events/{id}",
        (req, res) ->
            Responses.json(res, events.get(Params.parseLong("id", Params.path(req, "id")))));
  }

  private void events(ServerRequest req, ServerResponse res) throws Exception {
    EventFilter filter = events.resolve(Params.query(req, "app_id").orElse(null), filter(req));
    if (SseResponse.wanted(req)) {
      stream(req, res, filter);
    } else {
      Responses.json(res, events.list(filter));
    }
  }

  private static EventFilter filter(ServerRequest req) {
    List<String> types =
        Params.query(req, "object_types")
            .map(s -> Arrays.stream(s.split(",")).map(String::trim).filter(t -> !t.isEmpty()))
            .map(s -> s.toList())
            .orElse(List.of());
    return new EventFilter(
        null,
        types,
        Params.query(req, "object_id").orElse(null),
        Params.longQuery(req, "before_id").orElse(null),
        Params.longQuery(req, "since_id").orElse(null),
        Params.intQuery(req, "count", 0));
  }

  /**
   * Sends past events first when {@code past=true} or resuming after {@code Last-Event-Id}, then
   * every new one as it commits, each with its id.
   */
  private void stream(ServerRequest req, ServerResponse res, EventFilter filter)
      throws IOException, InterruptedException {
    long lastId =
        req.headers()
            .first(io.helidon.http.HeaderNames.create("Last-Event-Id"))
            .map(v -> Params.parseLong("Last-Event-Id", v))
            .orElse(0L);
    boolean past = Params.flag(req, "past") || lastId > 0;
    long start = past ? lastId : follower.latestId();
    List<Event> history = past ? events.past(filter, lastId) : List.of();
    try (SseResponse sse = new SseResponse(res)) {
      sse.open();
      long last = start;
      for (Event e : history) {
        sse.send(e.id().toString(), null, e);
        last = e.id();
      }
      follower.follow(
          filter,
          last,
          new EventFollower.Sink() {
            @Override
            public void event(Event e) throws IOException {
              sse.send(e.id().toString(), null, e);
            }

            @Override
            public void idle() throws IOException {
              sse.keepAlive();
            }
          });
    } catch (IOException e) {
      // the client went away: the stream is over
    }
  }
}
