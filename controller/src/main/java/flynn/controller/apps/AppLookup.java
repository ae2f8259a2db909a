package flynn.controller.apps;

import flynn.api.controller.App;
import flynn.api.http.ApiException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Resolves the {@code :id} of an app route (its id or its name) to a live app, or a 404. */
public final class AppLookup {
  private final Jdbi jdbi;

  public AppLookup(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public App require(String idOrName) {
    return jdbi.withHandle(h -> require(h, idOrName));
  }

  public static App require(Handle h, String idOrName) {
    return new AppStore(h).find(idOrName).orElseThrow(() -> ApiException.notFound("app", idOrName));
  }
}
