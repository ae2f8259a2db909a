package flynn.host.run;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Identifies a job's process across daemon restarts: its pid, its process group and its start time
 * (clock ticks since boot, from {@code /proc/<pid>/stat}), so a pid reused by another process is
 * never mistaken for the job. {@code startTime} is -1 when unknown. {@code container} names the
 * job's container for runners that use one (null otherwise).
 */
public record ProcessRef(
    @JsonProperty("pid") long pid,
    @JsonProperty("pgid") long pgid,
    @JsonProperty("start_time") long startTime,
    @JsonProperty("container") String container) {

  public ProcessRef(long pid, long pgid, long startTime) {
    this(pid, pgid, startTime, null);
  }
}
