package flynn.api.controller;

import com.fasterxml.jackson.core.type.TypeReference;
import flynn.api.http.JsonHttp;
import flynn.api.http.SseStream;
import java.util.ArrayList;
import java.util.List;

/** The event log: listing and following it as Server-Sent Events. */
public final class EventsClient {
  private final JsonHttp http;

  EventsClient(JsonHttp http) {
    this.http = http;
  }

  public List<Event> list(String app, List<String> objectTypes, int count) {
    return http.get(query(app, objectTypes, false, count), new TypeReference<List<Event>>() {});
  }

  /**
   * Follows {@code GET /events} as SSE. With {@code past} the stream starts with past events;
   * {@code lastEventId} resumes after that id.
   */
  public SseStream stream(String app, List<String> objectTypes, boolean past, Long lastEventId) {
    return http.stream(
        query(app, objectTypes, past, 0), lastEventId == null ? null : lastEventId.toString());
  }

  private static String query(String app, List<String> objectTypes, boolean past, int count) {
    List<String> params = new ArrayList<>();
    if (app != null) {
      params.add("app_id=" + ControllerClient.enc(app));
    }
    if (objectTypes != null && !objectTypes.isEmpty()) {
      params.add("object_types=" + ControllerClient.enc(String.join(",", objectTypes)));
    }
    if (past) {
      params.add("past=true");
    }
    if (count > 0) {
      params.add("count=" + count);
    }
    return "/events" + (params.isEmpty() ? "" : "?" + String.join("&", params));
  }
}
