package flynn.host.logs;

import flynn.api.controller.LogLine;

/** Which lines of an app's log a reader wants; null fields match any. */
public record LogFilter(String jobId, String processType) {
  public static final LogFilter ALL = new LogFilter(null, null);

  public boolean matches(LogLine line) {
    return (jobId == null || jobId.equals(line.jobId()))
        && (processType == null || processType.equals(line.processType()));
  }
}
