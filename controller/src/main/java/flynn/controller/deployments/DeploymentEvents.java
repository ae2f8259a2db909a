package flynn.controller.deployments;

import flynn.api.controller.Deployment;
import flynn.api.controller.DeploymentEvent;
import flynn.api.controller.Event;
import flynn.api.controller.Job;
import flynn.controller.events.EventStore;
import org.jdbi.v3.core.Handle;

/** Appends a deployment's events ({@code deployment} objects with DeploymentEvent data). */
public final class DeploymentEvents {
  private DeploymentEvents() {}

  /** The deployment's status changed; {@code error} says why a failed one failed. */
  public static void status(Handle h, Deployment d, String status, String error) {
    DeploymentEvent e =
        new DeploymentEvent(d.app(), d.id(), d.newRelease(), status, null, null, error);
    new EventStore(h).appendUnique(d.app(), Event.DEPLOYMENT, d.id(), d.id() + "|" + status, e);
  }

  /** A job of the deployment went up or down; recorded once per job and state. */
  public static void job(Handle h, Deployment d, Job job) {
    DeploymentEvent e =
        new DeploymentEvent(
            d.app(), d.id(), job.release(), Deployment.RUNNING, job.type(), job.state(), null);
    new EventStore(h)
        .appendUnique(
            d.app(), Event.DEPLOYMENT, d.id(), d.id() + "|" + job.uuid() + "|" + job.state(), e);
  }
}
