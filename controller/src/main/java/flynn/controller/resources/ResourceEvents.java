package flynn.controller.resources;

import flynn.api.controller.Event;
import flynn.api.controller.Resource;
import flynn.controller.events.EventStore;
import org.jdbi.v3.core.Handle;

/**
 * Flynn's resource events, in the change's transaction: one per linked app (so an app's event
 * stream sees them), or one without an app when none is linked.
 */
final class ResourceEvents {
  private ResourceEvents() {}

  static Resource created(Handle h, Resource r) {
    appendPerApp(h, Event.RESOURCE, r);
    return r;
  }

  static void deleted(Handle h, Resource r) {
    appendPerApp(h, Event.RESOURCE_DELETION, r);
  }

  static void linked(Handle h, Resource r, String appId) {
    new EventStore(h).append(appId, Event.RESOURCE, r.id(), r);
  }

  static void unlinked(Handle h, Resource r, String appId) {
    new EventStore(h).append(appId, Event.RESOURCE_APP_DELETION, r.id(), r);
  }

  private static void appendPerApp(Handle h, String type, Resource r) {
    EventStore events = new EventStore(h);
    if (r.apps().isEmpty()) {
      events.append(null, type, r.id(), r);
    }
    r.apps().forEach(app -> events.append(app, type, r.id(), r));
  }
}
