package flynn.cli.apps;

import flynn.api.Json;
import flynn.api.controller.App;
import flynn.api.controller.AppDeletion;
import flynn.api.controller.ControllerClient;
import flynn.api.controller.Event;
import flynn.api.http.ApiException;
import flynn.cli.CliException;
import flynn.cli.events.EventFollower;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Deletes an app and waits for its {@code app_deletion} event, as Flynn's client does. When the app
 * is already gone right after the DELETE (a synchronous controller), it waits only briefly.
 */
final class AppDeletionWait {
  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static final Duration GRACE_WHEN_GONE = Duration.ofSeconds(1);

  private AppDeletionWait() {}

  static Optional<AppDeletion> delete(ControllerClient client, App app, Clock clock) {
    try (EventFollower events = EventFollower.open(client, app.id(), List.of(Event.APP_DELETION))) {
      client.apps().delete(app.id());
      Instant deadline = clock.instant().plus(isGone(client, app) ? GRACE_WHEN_GONE : TIMEOUT);
      while (true) {
        Optional<Event> event = events.next(deadline, clock.instant());
        if (event.isEmpty()) {
          if (isGone(client, app)) {
            return Optional.empty();
          }
          throw new CliException("timed out waiting for app deletion");
        }
        if (Event.APP_DELETION.equals(event.get().objectType())) {
          return Optional.ofNullable(result(event.get()));
        }
      }
    }
  }

  private static AppDeletion result(Event event) {
    AppDeletion.Event data = Json.mapper().convertValue(event.data(), AppDeletion.Event.class);
    if (data.error() != null && !data.error().isEmpty()) {
      throw new CliException(data.error());
    }
    return data.appDeletion();
  }

  private static boolean isGone(ControllerClient client, App app) {
    try {
      client.apps().get(app.id());
      return false;
    } catch (ApiException e) {
      return e.isNotFound();
    }
  }
}
