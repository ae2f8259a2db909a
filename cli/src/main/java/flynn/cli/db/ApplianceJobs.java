package flynn.cli.db;

import flynn.api.controller.ControllerClient;
import flynn.api.controller.Provider;
import flynn.api.controller.SlugArtifacts;
import flynn.api.http.ApiException;
import flynn.cli.CliException;
import flynn.cli.Session;
import flynn.cli.jobs.AttachedJob;
import flynn.cli.jobs.AttachedJob.Tty;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Runs an appliance's client programs as attached one-off jobs of the session's app, in the
 * appliance's stack image, with the env of the app's resource.
 */
final class ApplianceJobs {
  private final Session session;

  ApplianceJobs(Session session) {
    this.session = session;
  }

  /** The env of the app's resource of {@code appliance}; a clear error when it has none. */
  ResourceEnv env(Appliance appliance) {
    String app = session.app();
    ControllerClient client = session.client();
    String providerId = providerId(client, appliance).orElse(appliance.provider());
    return ResourceEnv.newest(client.resources().listForApp(app), appliance, providerId)
        .orElseThrow(() -> new CliException(appliance.missingFrom(app)));
  }

  /** Runs {@code job}; returns its exit status. Its stderr goes to the CLI's. */
  int run(Appliance appliance, DbJob job, Optional<Tty> tty, InputStream in, OutputStream out)
      throws IOException {
    ControllerClient client = session.client();
    String stack = client.releases().createArtifact(SlugArtifacts.stack(appliance.stack())).id();
    return AttachedJob.run(
        client.jobs(), session.app(), job.attached(stack, tty), in, out, session.io().err());
  }

  private static Optional<String> providerId(ControllerClient client, Appliance appliance) {
    try {
      return Optional.of(client.providers().get(appliance.provider())).map(Provider::id);
    } catch (ApiException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
