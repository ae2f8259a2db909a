package flynn.controller.jobs;

import flynn.api.controller.NewJob;
import flynn.api.host.HostClient;
import flynn.http.upgrade.Upgrade;
import flynn.http.upgrade.UpgradeRoute;

/** {@code POST /apps/:id/jobs} with {@code Upgrade: flynn-attach/0}: a one-off job attached. */
public final class JobAttach {
  private final JobService jobs;

  public JobAttach(JobService jobs) {
    this.jobs = jobs;
  }

  public UpgradeRoute route() {
    return new UpgradeRoute("POST", "/apps/{app}/jobs", HostClient.ATTACH_PROTOCOL, this::run);
  }

  private void run(Upgrade upgrade) throws Exception {
    jobs.runAttached(upgrade.pathParam("app"), upgrade.body(NewJob.class), upgrade);
  }
}
