package flynn.cli.resource;

import flynn.api.controller.App;
import flynn.api.controller.Release;
import flynn.api.controller.Resource;
import flynn.cli.CliException;
import flynn.cli.Session;
import flynn.cli.deploy.ReleaseDeploy;
import flynn.cli.env.EnvChange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code flynn resource remove <provider> [<resource>]}: deprovisions the resource, then deploys a
 * release without the env it had given the app (keys the user changed since are kept).
 */
@Command(
    name = "remove",
    description = {
      "Remove the app's <resource> provided by <provider> (deprovisions it).",
      "Without <resource>, the app's only resource of <provider> is removed."
    })
final class ResourceRemoveCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "<provider>")
  String provider;

  @Parameters(index = "1", arity = "0..1", paramLabel = "<resource>")
  String resourceId;

  private final Session session;

  ResourceRemoveCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    App app = session.appRecord();
    String id = resourceId != null ? resourceId : onlyResourceOf(app);
    Resource removed = session.client().resources().delete(provider, id);
    Release current = session.currentRelease(app.id()).orElse(null);
    Map<String, Optional<String>> changes = ResourceEnv.removed(current, removed.env());
    if (changes.isEmpty()) {
      session.info("Deleted resource " + removed.id() + ".");
      return 0;
    }
    Release created = ReleaseDeploy.create(session, app, EnvChange.apply(current, null, changes));
    int exit = ReleaseDeploy.deploy(session, app, created.id(), null);
    if (exit == 0) {
      session.info("Deleted resource " + removed.id() + ", created release " + created.id() + ".");
    }
    return exit;
  }

  private String onlyResourceOf(App app) {
    Map<String, String> names = ResourceCommand.providerNames(session);
    List<Resource> matching =
        session.client().resources().listForApp(app.id()).stream()
            .filter(r -> provider.equals(r.provider()) || provider.equals(names.get(r.provider())))
            .toList();
    if (matching.size() != 1) {
      throw new CliException(
          "app "
              + app.name()
              + " has "
              + (matching.isEmpty() ? "no resource" : matching.size() + " resources")
              + " of provider "
              + provider
              + (matching.isEmpty() ? "" : "; name the one to remove (flynn resource)"));
    }
    return matching.get(0).id();
  }
}
