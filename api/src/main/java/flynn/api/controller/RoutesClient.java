package flynn.api.controller;

import com.fasterxml.jackson.core.type.TypeReference;
import flynn.api.http.JsonHttp;
import flynn.api.router.Route;
import java.util.List;

/**
 * {@code /routes} and {@code /apps/:id/routes}. A route is named by its formatted id, {@code
 * <type>/<id>} ({@link Route#formattedId()}), as Flynn's client and CLI name them.
 */
public final class RoutesClient {
  private static final TypeReference<List<Route>> ROUTES = new TypeReference<>() {};

  private final JsonHttp http;

  RoutesClient(JsonHttp http) {
    this.http = http;
  }

  /** Every route of the cluster, newest first. */
  public List<Route> listAll() {
    return http.get("/routes", ROUTES);
  }

  public List<Route> list(String app) {
    return http.get(base(app), ROUTES);
  }

  /** Creates a route of the app; the answer has its id (and its port, for a TCP route). */
  public Route create(String app, Route route) {
    return http.post(base(app), route, Route.class);
  }

  public Route get(String app, String formattedId) {
    return http.get(one(app, formattedId), Route.class);
  }

  public Route update(String app, String formattedId, Route route) {
    return http.put(one(app, formattedId), route, Route.class);
  }

  public void delete(String app, String formattedId) {
    http.delete(one(app, formattedId));
  }

  private static String base(String app) {
    return "/apps/" + ControllerClient.enc(app) + "/routes";
  }

  private static String one(String app, String formattedId) {
    int slash = formattedId.indexOf('/');
    if (slash <= 0 || slash == formattedId.length() - 1) {
      throw new IllegalArgumentException(
          "a route id is <type>/<id>, such as http/1f0c..., not " + formattedId);
    }
    return base(app)
        + "/"
        + ControllerClient.enc(formattedId.substring(0, slash))
        + "/"
        + ControllerClient.enc(formattedId.substring(slash + 1));
  }
}
