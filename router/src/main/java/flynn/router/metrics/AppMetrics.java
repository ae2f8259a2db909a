package flynn.router.metrics;

import flynn.api.router.Route;
import flynn.router.backends.Backend;
import flynn.router.backends.RequestObserver;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-app HTTP request metrics: requests by status class, bytes in and out, latency. Apps are named
 * by their id, from the route's {@code parent_ref}, so requests that reached no backend count under
 * the same app. TCP connections (status 0) are not HTTP requests and are not counted.
 */
public final class AppMetrics implements RequestObserver {
  private static final String NO_APP = "-";

  private final Map<String, AppCounters> apps = new ConcurrentHashMap<>();

  @Override
  public void started(Route route, Backend backend) {}

  @Override
  public void completed(Completed c) {
    if (c.status() == 0) {
      return;
    }
    apps.computeIfAbsent(appOf(c.route()), a -> new AppCounters())
        .record(c.status(), c.bytesIn(), c.bytesOut(), c.nanos());
  }

  /** Every app seen so far, by id. */
  public List<AppSample> samples() {
    return apps.entrySet().stream()
        .map(e -> e.getValue().sample(e.getKey()))
        .sorted(Comparator.comparing(AppSample::app))
        .toList();
  }

  static String appOf(Route route) {
    String parent = route == null ? null : route.parentRef();
    if (parent == null || parent.isEmpty()) {
      return NO_APP;
    }
    return parent.substring(parent.lastIndexOf('/') + 1);
  }
}
