package flynn.controller.logs;

import flynn.api.Json;
import flynn.api.controller.LogLine;
import flynn.api.host.HostClient;
import flynn.api.http.SseStream;
import flynn.controller.cluster.Hosts;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows an app's log on every host at once: one named virtual thread per host feeds a queue;
 * lines not newer than what that host already gave are dropped. Close it to stop every thread.
 */
final class LogFollow implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LogFollow.class);
  private static final int QUEUE_LIMIT = 10_000;

  private final String appId;
  private final HostClient.LogQuery query;
  private final Map<String, OffsetDateTime> cutoffs;
  private final BlockingQueue<LogLine> queue = new LinkedBlockingQueue<>(QUEUE_LIMIT);
  private final List<SseStream> streams = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  LogFollow(String appId, HostClient.LogQuery query, Map<String, OffsetDateTime> cutoffs) {
    this.appId = appId;
    this.query = query;
    this.cutoffs = cutoffs;
  }

  void start(List<Hosts.Host> hosts) {
    for (Hosts.Host host : hosts) {
      threads.add(
          Thread.ofVirtual().name("log-follow-" + appId + "-" + host.id()).start(() -> pump(host)));
    }
  }

  /** The next line, or null when none came within {@code max}. */
  LogLine poll(Duration max) throws InterruptedException {
    return queue.poll(max.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void pump(Hosts.Host host) {
    String why = "host ended the stream";
    OffsetDateTime cutoff = cutoffs.get(host.id());
    try (SseStream stream = host.client().streamLog(appId, query)) {
      streams.add(stream);
      if (closed) {
        return;
      }
      for (var e = stream.next(); e.isPresent(); e = stream.next()) {
        LogLine line = Json.read(e.get().data(), LogLine.class);
        if (LogMerge.isAfter(line, cutoff)) {
          queue.put(line);
        }
      }
    } catch (IOException | RuntimeException e) {
      why = closed ? "closed" : "error: " + e.getMessage();
    } catch (InterruptedException e) {
      why = "interrupted";
    } finally {
      LOG.debug("log follow ended app={} host={} reason={}", appId, host.id(), why);
    }
  }

  @Override
  public void close() {
    closed = true;
    for (SseStream s : streams) {
      try {
        s.close();
      } catch (IOException e) {
        LOG.debug("closing log stream failed app={} error={}", appId, e.getMessage());
      }
    }
    threads.forEach(Thread::interrupt);
  }
}
