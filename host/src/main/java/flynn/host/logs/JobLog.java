package flynn.host.logs;

import flynn.api.controller.LogLine;
import flynn.host.run.OutputSink;
import flynn.host.run.StdStream;
import java.time.Clock;
import java.time.OffsetDateTime;

/** A job's output sink: each line becomes a timestamped {@link LogLine} in its app's log. */
public record JobLog(
    LogStore store, Clock clock, String app, String hostId, String jobId, String processType)
    implements OutputSink {
  static final String SOURCE_APP = "app";

  @Override
  public void line(StdStream stream, String text) {
    store.append(
        app,
        new LogLine(
            hostId,
            jobId,
            text,
            processType,
            SOURCE_APP,
            stream.wire(),
            OffsetDateTime.now(clock)));
  }
}
