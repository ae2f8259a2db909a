package flynn.controller.logs;

import flynn.api.controller.LogLine;
import flynn.api.host.HostClient;
import flynn.api.http.ApiException;
import flynn.controller.cluster.Hosts;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads an app's log from every host that captured it. */
public final class LogService {
  private static final Logger LOG = LoggerFactory.getLogger(LogService.class);

  /** The merged history, and per host the newest line in it (where following resumes). */
  public record History(List<LogLine> lines, Map<String, OffsetDateTime> cutoffs) {}

  private final Hosts hosts;

  public LogService(Hosts hosts) {
    this.hosts = hosts;
  }

  public List<Hosts.Host> hosts() {
    return hosts.all();
  }

  /** The last {@code query.lines()} lines across hosts; a host that fails is skipped. */
  public History history(List<Hosts.Host> from, String appId, HostClient.LogQuery query) {
    Map<String, List<LogLine>> perHost = new LinkedHashMap<>();
    ApiException lastError = null;
    for (Hosts.Host host : from) {
      try {
        perHost.put(host.id(), host.client().log(appId, query));
      } catch (ApiException e) {
        LOG.warn("log read failed app={} host={} error={}", appId, host.id(), e.getMessage());
        lastError = e;
      }
    }
    if (perHost.isEmpty() && lastError != null) {
      throw ApiException.unavailable("no host could serve the log: " + lastError.getMessage());
    }
    Map<String, OffsetDateTime> cutoffs = new HashMap<>();
    perHost.forEach((host, lines) -> cutoffs.put(host, LogMerge.newest(lines)));
    return new History(LogMerge.tail(perHost.values(), query.lines()), cutoffs);
  }

  LogFollow follow(List<Hosts.Host> from, String appId, HostClient.LogQuery query, History h) {
    LogFollow follow = new LogFollow(appId, query, h.cutoffs());
    follow.start(from);
    return follow;
  }
}
