package flynn.host.logs;

import flynn.api.controller.LogLine;
import flynn.host.feed.Feed;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The captured logs of every app on this host, one bounded file pair per app. */
public final class LogStore implements AutoCloseable {
  private final Path dir;
  private final long maxFileBytes;
  private final ConcurrentMap<String, AppLog> apps = new ConcurrentHashMap<>();

  public LogStore(Path dir) {
    this(dir, Rotation.MAX_FILE_BYTES);
  }

  LogStore(Path dir, long maxFileBytes) {
    this.dir = dir;
    this.maxFileBytes = maxFileBytes;
  }

  /** A follow request's answer: the history, then the live lines in the subscription. */
  public record Following(List<LogLine> history, Feed.Subscription<LogLine> live) {}

  public void append(String app, LogLine line) {
    log(app).append(line);
  }

  public List<LogLine> tail(String app, LogFilter filter, int lines) {
    return log(app).tail(filter, lines);
  }

  public Following follow(String app, LogFilter filter, int lines) {
    return log(app).follow(filter, lines);
  }

  private AppLog log(String app) {
    return apps.computeIfAbsent(app, a -> new AppLog(LogFiles.of(dir, a), maxFileBytes));
  }

  @Override
  public void close() {
    apps.values().forEach(AppLog::close);
  }
}
