package flynn.scheduler.loop;

import flynn.api.Json;
import flynn.api.controller.ExpandedFormation;
import flynn.api.controller.FormationsClient;
import flynn.api.http.SseStream;
import flynn.scheduler.io.Backoff;
import flynn.scheduler.io.StreamFollower;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/**
 * Formations from the controller: the full active list on every (re)connect and on {@link
 * #resync()}, and each change from the {@code GET /formations?since=} stream in between.
 */
final class FormationFeed implements AutoCloseable {
  private final FormationsClient formations;
  private final Clock clock;
  private final Consumer<Input> inputs;
  private final StreamFollower follower;

  FormationFeed(FormationsClient formations, Clock clock, Backoff backoff, Consumer<Input> inputs) {
    this.formations = formations;
    this.clock = clock;
    this.inputs = inputs;
    this.follower = new StreamFollower("scheduler-formations", this::open, handler(), backoff);
  }

  void start() {
    follower.start();
  }

  /** Lists every active formation; throws when the controller cannot be reached. */
  void resync() {
    inputs.accept(new Input.FormationsListed(formations.listActive()));
  }

  /** Changes from now on; the list taken right after connecting covers everything before. */
  private SseStream open() {
    return formations.stream(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
  }

  private StreamFollower.Handler handler() {
    return new StreamFollower.Handler() {
      @Override
      public void connected() {
        resync();
      }

      @Override
      public void event(SseStream.Event event) {
        if (event.data() != null && event.data().startsWith("{")) {
          inputs.accept(
              new Input.FormationChanged(Json.read(event.data(), ExpandedFormation.class)));
        }
      }
    };
  }

  @Override
  public void close() {
    follower.close();
  }
}
