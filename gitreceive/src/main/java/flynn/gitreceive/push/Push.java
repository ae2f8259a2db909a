package flynn.gitreceive.push;

import flynn.api.controller.App;
import org.eclipse.jgit.lib.Repository;

/**
 * A push to deploy: the app, its repository (holding the pushed objects, refs not yet updated) and
 * the commit pushed to {@code ref}.
 */
public record Push(App app, Repository repository, String commit, String ref) {}
