package flynn.api.attach;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of a host's {@code POST /attach} (Flynn's {@code host.AttachReq}): which job, which
 * streams ({@link #flags}, a bit set), and the terminal size for a TTY job.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record AttachRequest(
    @JsonProperty("job_id") String jobId,
    @JsonProperty("flags") Integer flags,
    @JsonProperty("height") Integer height,
    @JsonProperty("width") Integer width) {
  /** Flynn's clients omit zero values: absent is zero. */
  public AttachRequest {
    flags = flags == null ? 0 : flags;
    height = height == null ? 0 : height;
    width = width == null ? 0 : width;
  }

  public static final int STDOUT = 1;
  public static final int STDERR = 1 << 1;
  public static final int STDIN = 1 << 2;
  public static final int LOGS = 1 << 3;
  public static final int STREAM = 1 << 4;

  /** What the controller asks for when it runs a job attached, as Flynn's did. */
  public static AttachRequest interactive(String jobId, int height, int width) {
    return new AttachRequest(jobId, STDOUT | STDERR | STDIN | STREAM, height, width);
  }

  public boolean wants(int flag) {
    return (flags & flag) != 0;
  }
}
