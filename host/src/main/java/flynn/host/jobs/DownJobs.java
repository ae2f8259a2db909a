package flynn.host.jobs;

import flynn.api.host.ActiveJob;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Which stopped jobs a host forgets: it keeps the latest {@link #KEPT_PER_APP} of each app. */
final class DownJobs {
  /** As Flynn: enough history to see recent crashes, bounded memory per app. */
  static final int KEPT_PER_APP = 25;

  private DownJobs() {}

  static List<String> toForget(Collection<ActiveJob> jobs, int keptPerApp) {
    return jobs.stream()
        .filter(j -> j.status().isStopped())
        .collect(Collectors.groupingBy(j -> Objects.toString(JobLabels.of(j.job()).appId())))
        .values()
        .stream()
        .flatMap(app ->
            app.stream()
                .sorted(
                    Comparator.comparing(
                            ActiveJob::endedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .skip(keptPerApp))
        .map(j -> j.job().id())
        .toList();
  }
}
