package flynn.host.jobs;

import flynn.api.host.ActiveJob;
import flynn.api.host.HostEvent;
import flynn.api.http.ApiException;
import flynn.host.feed.Feed;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The jobs this host knows, running and recently stopped. Every status change goes through {@link
 * #transition}, which stores it and publishes its event in one step, so subscribers see events in
 * the order the table changed.
 */
final class JobTable implements AutoCloseable {
  /** Events a slow subscriber may fall behind before its stream is ended. */
  private static final int SUBSCRIBER_BACKLOG = 1_000;

  private final Map<String, JobEntry> entries = new LinkedHashMap<>();
  private final Feed<HostEvent> events = new Feed<>(SUBSCRIBER_BACKLOG);

  /** Adds a new job and announces it; 409 when the id is taken, also by a stopped job. */
  synchronized JobEntry add(ActiveJob created) {
    String id = created.job().id();
    if (entries.containsKey(id)) {
      throw ApiException.exists("job already exists: " + id);
    }
    JobEntry entry = new JobEntry(created);
    entries.put(id, entry);
    announce(created);
    return entry;
  }

  synchronized void transition(JobEntry entry, ActiveJob next) {
    entry.update(next);
    announce(next);
    if (next.status().isStopped()) {
      forgetOldDownJobs();
    }
  }

  synchronized Optional<JobEntry> get(String id) {
    return Optional.ofNullable(entries.get(id));
  }

  synchronized List<JobEntry> entries() {
    return List.copyOf(entries.values());
  }

  Feed.Subscription<HostEvent> subscribe() {
    return events.subscribe(e -> true);
  }

  private void announce(ActiveJob job) {
    String event = JobStates.eventFor(job);
    if (event != null) {
      events.publish(new HostEvent(event, job.job().id(), job));
    }
  }

  private void forgetOldDownJobs() {
    Collection<ActiveJob> all = entries.values().stream().map(JobEntry::current).toList();
    DownJobs.toForget(all, DownJobs.KEPT_PER_APP).forEach(entries::remove);
  }

  @Override
  public void close() {
    events.close();
  }
}
