package flynn.host.jobs;

import flynn.api.host.HostJob;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who a job belongs to: app, release and process type, from the controller's metadata or, failing
 * that, the {@code FLYNN_*} variables the caller put in its env.
 */
record JobLabels(String jobId, String appId, String releaseId, String processType) {
  static JobLabels of(HostJob job) {
    Map<String, String> env = job.config() == null ? null : job.config().env();
    return new JobLabels(
        job.id(),
        pick(job.meta(HostJob.META_APP), env, "FLYNN_APP_ID"),
        pick(job.meta(HostJob.META_RELEASE), env, "FLYNN_RELEASE_ID"),
        pick(job.meta(HostJob.META_TYPE), env, "FLYNN_PROCESS_TYPE"));
  }

  /** The app whose log the job writes to: its app, or the job itself when it has none. */
  String logName() {
    return appId != null ? appId : jobId;
  }

  /** The meta of the job's discoverd instances. */
  Map<String, String> instanceMeta() {
    Map<String, String> meta = new LinkedHashMap<>();
    putIfSet(meta, "FLYNN_APP_ID", appId);
    putIfSet(meta, "FLYNN_RELEASE_ID", releaseId);
    putIfSet(meta, "FLYNN_PROCESS_TYPE", processType);
    meta.put("FLYNN_JOB_ID", jobId);
    return meta;
  }

  private static String pick(String fromMeta, Map<String, String> env, String envName) {
    if (fromMeta != null && !fromMeta.isEmpty()) {
      return fromMeta;
    }
    return env == null ? null : env.get(envName);
  }

  private static void putIfSet(Map<String, String> meta, String key, String value) {
    if (value != null) {
      meta.put(key, value);
    }
  }
}
