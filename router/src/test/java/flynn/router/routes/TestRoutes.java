package flynn.router.routes;

import flynn.api.router.Route;

/** Route values for tests. */
public final class TestRoutes {
  private TestRoutes() {}

  public static Route http(String id, String domain, String path, String service) {
    return Route.http(domain, path, service).withId(id);
  }

  public static Route sticky(String id, String domain, String service) {
    return Route.http(domain, null, service).withId(id).withSticky(true);
  }

  public static Route withoutKeepAlives(String id, String domain, String service) {
    return Route.http(domain, null, service).withId(id).withDisableKeepAlives(true);
  }

  public static Route tcp(String id, int port, String service, boolean leader) {
    return Route.tcp(port, service).withId(id).withLeader(leader);
  }
}
