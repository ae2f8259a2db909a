package flynn.router.routes;

import flynn.api.router.Route;

/** Route values for tests. */
public final class TestRoutes {
  private TestRoutes() {}

  public static Route http(String id, String domain, String path, String service) {
    return new Route(
        Route.HTTP,
        id,
        null,
        service,
        null,
        false,
        null,
        null,
        domain,
        null,
        null,
        null,
        null,
        path,
        null,
        null);
  }

  public static Route sticky(String id, String domain, String service) {
    return new Route(
        Route.HTTP,
        id,
        null,
        service,
        null,
        false,
        null,
        null,
        domain,
        null,
        null,
        null,
        true,
        null,
        null,
        null);
  }

  public static Route withoutKeepAlives(String id, String domain, String service) {
    return new Route(
        Route.HTTP,
        id,
        null,
        service,
        null,
        false,
        null,
        null,
        domain,
        null,
        null,
        null,
        null,
        null,
        null,
        true);
  }

  public static Route tcp(String id, int port, String service, boolean leader) {
    return new Route(
        Route.TCP, id, null, service, port, leader, null, null, null, null, null, null, null, null,
        null, null);
  }
}
