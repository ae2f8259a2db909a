package flynn.controller.volumes;

import flynn.api.controller.App;
import flynn.api.controller.Volume;
import flynn.api.http.ApiException;
import flynn.controller.apps.AppLookup;
import flynn.controller.events.EventStore;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Records volumes (the scheduler's writes), lists them, decommissions them; each with an event. */
public final class VolumeService {
  /** The object type of volume events (Flynn's). */
  public static final String EVENT = "volume";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Set<String> STATES =
      Set.of(Volume.PENDING, Volume.CREATED, Volume.DESTROYED);

  private final Jdbi jdbi;

  public VolumeService(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Creates or updates a volume's record. The app is not looked up: the scheduler also records
   * volumes of apps deleted meanwhile (their destruction).
   */
  public Volume put(String id, Volume v) {
    Volume checked = validated(id, v);
    return jdbi.inTransaction(h -> {
      Volume saved = new VolumeStore(h).upsert(checked);
      new EventStore(h).append(saved.app(), EVENT, saved.id(), saved);
      return saved;
    });
  }

  public List<Volume> listAll() {
    return jdbi.withHandle(h -> new VolumeStore(h).listAll());
  }

  public List<Volume> list(String appIdOrName) {
    return jdbi.withHandle(
        h -> new VolumeStore(h).listByApp(AppLookup.require(h, appIdOrName).id()));
  }

  public Volume get(String appIdOrName, String id) {
    return jdbi.withHandle(h -> ofApp(h, AppLookup.require(h, appIdOrName), id));
  }

  /** Marks the volume as not to be given to new jobs; the scheduler then deletes it on its host. */
  public Volume decommission(String appIdOrName, String id) {
    return jdbi.inTransaction(h -> {
      App app = AppLookup.require(h, appIdOrName);
      ofApp(h, app, id);
      Volume done = new VolumeStore(h).decommission(id).orElseThrow();
      new EventStore(h).append(app.id(), EVENT, id, done);
      return done;
    });
  }

  /** In the app's deletion: every volume of the app is decommissioned. */
  public static void decommissionAllOf(Handle h, String appId) {
    for (Volume v : new VolumeStore(h).decommissionAllOf(appId)) {
      new EventStore(h).append(appId, EVENT, v.id(), v);
    }
  }

  private static Volume ofApp(Handle h, App app, String id) {
    return new VolumeStore(h)
        .find(id)
        .filter(v -> app.id().equals(v.app()))
        .orElseThrow(() -> ApiException.notFound("volume", id));
  }

  private static Volume validated(String id, Volume v) {
    if (id == null || !ID.matcher(id).matches() || id.contains("..")) {
      throw ApiException.validation("id", "must be letters, digits, '-', '_' or '.'");
    }
    if (v.id() != null && !v.id().isEmpty() && !v.id().equals(id)) {
      throw ApiException.validation("id", "does not match the id in the path: " + v.id());
    }
    if (v.hostId() == null || v.hostId().isBlank()) {
      throw ApiException.validation("host_id", "must be the host that holds the volume");
    }
    if (v.app() != null && !UUID.matcher(v.app()).matches()) {
      throw ApiException.validation("app", "must be an app id");
    }
    if (v.state() != null && !STATES.contains(v.state())) {
      throw ApiException.validation("state", "must be one of pending, created, destroyed");
    }
    return v.withId(id);
  }
}
