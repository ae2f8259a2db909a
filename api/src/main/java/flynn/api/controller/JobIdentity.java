package flynn.api.controller;

import flynn.api.host.HostJob;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every job is told about itself (Flynn's {@code FLYNN_*} env) and what its host records of it
 * (the controller metadata), the same for formation jobs and one-off jobs.
 */
public final class JobIdentity {
  private JobIdentity() {}

  /**
   * {@code FLYNN_APP_ID}, {@code FLYNN_APP_NAME}, {@code FLYNN_RELEASE_ID} (none for a one-off job
   * run in artifacts alone), {@code FLYNN_JOB_ID} and, for a process type's job, {@code
   * FLYNN_PROCESS_TYPE}.
   */
  public static Map<String, String> env(App app, String releaseId, String type, String jobId) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("FLYNN_APP_ID", app.id());
    env.put("FLYNN_APP_NAME", app.name());
    if (releaseId != null) {
      env.put("FLYNN_RELEASE_ID", releaseId);
    }
    if (type != null) {
      env.put("FLYNN_PROCESS_TYPE", type);
    }
    env.put("FLYNN_JOB_ID", jobId);
    return env;
  }

  /** The host job metadata naming the app, release and (for a formation job) process type. */
  public static Map<String, String> metadata(App app, String releaseId, String type) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put(HostJob.META_APP, app.id());
    meta.put(HostJob.META_APP_NAME, app.name());
    if (releaseId != null) {
      meta.put(HostJob.META_RELEASE, releaseId);
    }
    if (type != null) {
      meta.put(HostJob.META_TYPE, type);
    }
    return meta;
  }
}
