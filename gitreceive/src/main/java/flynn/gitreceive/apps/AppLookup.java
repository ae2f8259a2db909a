package flynn.gitreceive.apps;

import flynn.api.controller.App;
import java.util.Optional;

/** Finds the app a repository path names. */
public interface AppLookup {
  /** The app named {@code nameOrId}, or empty when there is none. */
  Optional<App> find(String nameOrId);
}
