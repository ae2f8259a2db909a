package flynn.controller.formations;

import flynn.api.controller.Event;
import flynn.api.controller.ExpandedFormation;
import flynn.controller.events.EventFilter;
import flynn.controller.events.EventFollower;
import flynn.http.SseResponse;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.time.OffsetDateTime;

/**
 * {@code GET /formations?since=...} as SSE, what the scheduler follows: every live formation
 * updated since then, an empty object marking the end of that list (as Flynn sends), then the
 * formation of every scale request as it commits ({@code deleted: true} once deleted).
 */
public final class FormationStream {
  private static final ExpandedFormation END_OF_LIST =
      new ExpandedFormation(null, null, null, null, null, null, null, null);

  private final FormationService formations;
  private final EventFollower follower;

  public FormationStream(FormationService formations, EventFollower follower) {
    this.formations = formations;
    this.follower = follower;
  }

  public void serve(ServerResponse res, OffsetDateTime since)
      throws IOException, InterruptedException {
    long start = follower.latestId();
    try (SseResponse sse = new SseResponse(res)) {
      sse.open();
      for (ExpandedFormation f : formations.listSince(since)) {
        sse.send(null, null, f);
      }
      sse.send(null, null, END_OF_LIST);
      follower.follow(
          EventFilter.ofTypes(Event.SCALE_REQUEST),
          start,
          new EventFollower.Sink() {
            @Override
            public void event(Event e) throws IOException {
              String app = e.data().path("app").asText(null);
              String release = e.data().path("release").asText(null);
              if (app != null && release != null) {
                var f = formations.expandedAny(app, release);
                if (f.isPresent()) {
                  sse.send(null, null, f.get());
                }
              }
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
