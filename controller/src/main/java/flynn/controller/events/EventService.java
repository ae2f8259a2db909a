package flynn.controller.events;

import flynn.api.controller.Event;
import flynn.api.http.ApiException;
import flynn.controller.apps.AppLookup;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Reads the event log. */
public final class EventService {
  private final Jdbi jdbi;

  public EventService(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The filter with its app (id or name) resolved to the app's id; 404 for an unknown app. */
  public EventFilter resolve(String appKey, EventFilter f) {
    if (appKey == null) {
      return f;
    }
    String appId = jdbi.withHandle(h -> AppLookup.require(h, appKey).id());
    return new EventFilter(
        appId, f.objectTypes(), f.objectId(), f.beforeId(), f.sinceId(), f.count());
  }

  /** Newest first. */
  public List<Event> list(EventFilter f) {
    return jdbi.withHandle(h -> new EventStore(h).list(f));
  }

  /** Events after {@code afterId}, oldest first; with a count, only the newest that many. */
  public List<Event> past(EventFilter f, long afterId) {
    EventFilter since = f.since(afterId);
    if (f.count() > 0) {
      return list(since).reversed();
    }
    return jdbi.withHandle(h -> new EventStore(h).listAscending(since));
  }

  public Event get(long id) {
    return jdbi.withHandle(h -> new EventStore(h).get(id))
        .orElseThrow(() -> ApiException.notFound("event", Long.toString(id)));
  }
}
