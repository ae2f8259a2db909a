package flynn.api.host;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A job's status on its host; on the wire it is Flynn's integer code. */
public enum JobStatus {
  STARTING,
  RUNNING,
  DONE,
  CRASHED,
  FAILED;

  @JsonValue
  public int code() {
    return ordinal();
  }

  @JsonCreator
  public static JobStatus fromCode(int code) {
    return values()[code];
  }

  public boolean isStopped() {
    return this == DONE || this == CRASHED || this == FAILED;
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
