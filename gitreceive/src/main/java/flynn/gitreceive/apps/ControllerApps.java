package flynn.gitreceive.apps;

import flynn.api.controller.App;
import flynn.api.controller.ControllerClient;
import flynn.api.http.ApiException;
import java.util.Optional;

/** Looks apps up in the controller, by name or id. */
public final class ControllerApps implements AppLookup {
  private final ControllerClient controller;

  public ControllerApps(ControllerClient controller) {
    this.controller = controller;
  }

  @Override
  public Optional<App> find(String nameOrId) {
    try {
      return Optional.ofNullable(controller.apps().get(nameOrId));
    } catch (ApiException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
