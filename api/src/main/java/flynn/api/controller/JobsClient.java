package flynn.api.controller;

import com.fasterxml.jackson.core.type.TypeReference;
import flynn.api.host.HostClient;
import flynn.api.http.JsonHttp;
import flynn.api.http.UpgradedConnection;
import java.util.List;

/** Jobs: listing, one-off runs, kills, and the scheduler's state updates. */
public final class JobsClient {
  private final JsonHttp http;

  JobsClient(JsonHttp http) {
    this.http = http;
  }

  public List<Job> list(String app) {
    return http.get(
        "/apps/" + ControllerClient.enc(app) + "/jobs", new TypeReference<List<Job>>() {});
  }

  public Job get(String app, String jobId) {
    return http.get(
        "/apps/" + ControllerClient.enc(app) + "/jobs/" + ControllerClient.enc(jobId), Job.class);
  }

  /** {@code GET /active-jobs}: jobs that are pending, starting or up, across apps. */
  public List<Job> listActive() {
    return http.get("/active-jobs", new TypeReference<List<Job>>() {});
  }

  /** {@code PUT /apps/:id/jobs/:uuid}: records a job's state (from the scheduler). */
  public Job put(Job job) {
    return http.put(
        "/apps/" + ControllerClient.enc(job.app()) + "/jobs/" + ControllerClient.enc(job.uuid()),
        job,
        Job.class);
  }

  public void kill(String app, String jobId) {
    http.delete("/apps/" + ControllerClient.enc(app) + "/jobs/" + ControllerClient.enc(jobId));
  }

  /**
   * {@code POST /apps/:id/jobs} with {@code Upgrade: flynn-attach/0}: runs a one-off job attached;
   * the connection then carries its frames (stdin, stdout, stderr, resize, signal, exit).
   */
  public UpgradedConnection runAttached(String app, NewJob job) {
    return http.upgrade(
        "/apps/" + ControllerClient.enc(app) + "/jobs", job, HostClient.ATTACH_PROTOCOL);
  }

  /** {@code POST /apps/:id/jobs}: runs a one-off job, detached. */
  public Job run(String app, NewJob job) {
    return http.post("/apps/" + ControllerClient.enc(app) + "/jobs", job, Job.class);
  }
}
