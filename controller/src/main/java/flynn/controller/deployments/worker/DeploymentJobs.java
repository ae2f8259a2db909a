package flynn.controller.deployments.worker;

import flynn.api.Json;
import flynn.api.controller.Event;
import flynn.api.controller.Job;
import flynn.controller.events.EventFilter;
import flynn.controller.events.EventStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** What the deploy worker reads about jobs: counts per release and type, and job events. */
final class DeploymentJobs {
  private static final int BATCH = 100;

  private final Handle h;

  DeploymentJobs(Handle h) {
    this.h = h;
  }

  JobCounts counts(String appId, String releaseId) {
    Map<String, Integer> up = new HashMap<>();
    Map<String, Integer> active = new HashMap<>();
    h.createQuery(
            "SELECT process_type, count(*) FILTER (WHERE state = 'up') AS up,"
                + " count(*) FILTER (WHERE state IN ('pending', 'blocked', 'starting', 'up',"
                + " 'stopping')) AS active FROM jobs WHERE app_id = CAST(:app AS uuid)"
                + " AND release_id = CAST(:release AS uuid) AND process_type IS NOT NULL"
                + " GROUP BY process_type")
        .bind("app", appId)
        .bind("release", releaseId)
        .map((rs, ctx) -> {
          up.put(rs.getString("process_type"), rs.getInt("up"));
          active.put(rs.getString("process_type"), rs.getInt("active"));
          return null;
        })
        .list();
    return new JobCounts(up, active);
  }

  /** The app's job events after {@code afterId}, oldest first, as (event id, job) pairs. */
  List<JobEvent> eventsAfter(String appId, long afterId) {
    EventFilter f = new EventFilter(appId, List.of(Event.JOB), null, null, afterId, BATCH);
    return new EventStore(h)
        .listAscending(f).stream()
            .map(e -> new JobEvent(e.id(), Json.mapper().convertValue(e.data(), Job.class)))
            .toList();
  }

  long latestEventId() {
    return new EventStore(h).latestId();
  }

  record JobEvent(long id, Job job) {}
}
