package flynn.cli.resource;

import flynn.api.controller.App;
import flynn.api.controller.Release;
import flynn.api.controller.Resource;
import flynn.api.controller.ResourceReq;
import flynn.cli.Session;
import flynn.cli.deploy.ReleaseDeploy;
import flynn.cli.env.EnvChange;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code flynn resource add <provider>}: provisions a resource for the app, then deploys the
 * current release with the resource's env merged in. A provider failure ends the command before any
 * release is made.
 */
@Command(name = "add", description = "Provision a new resource for the app using <provider>.")
final class ResourceAddCommand implements Callable<Integer> {
  @Parameters(paramLabel = "<provider>", description = "the provider's name (or id), e.g. postgres")
  String provider;

  private final Session session;

  ResourceAddCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    App app = session.appRecord();
    Resource resource =
        session.client().resources().provision(provider, new ResourceReq(List.of(app.id()), null));
    Release current = session.currentRelease(app.id()).orElse(null);
    Release next = EnvChange.apply(current, null, ResourceEnv.added(resource.env()));
    Release created = ReleaseDeploy.create(session, app, next);
    int exit = ReleaseDeploy.deploy(session, app, created.id(), null);
    if (exit == 0) {
      session.info("Created resource " + resource.id() + " and release " + created.id() + ".");
    } else {
      session.info(
          "Resource "
              + resource.id()
              + " stays provisioned; deploy release "
              + created.id()
              + " again, or remove it with: flynn resource remove "
              + provider
              + " "
              + resource.id());
    }
    return exit;
  }
}
