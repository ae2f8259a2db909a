package flynn.api.controller;

import java.util.ArrayList;
import java.util.List;

/**
 * The query of {@code GET /apps/:id/log}: {@code lines} caps the history (null: all buffered),
 * {@code follow} streams new lines, {@code processType}/{@code jobId} filter, {@code streamTypes}
 * defaults to stdout and stderr.
 */
public record LogOptions(
    boolean follow, String jobId, Integer lines, String processType, List<String> streamTypes) {

  public static final List<String> STDOUT_AND_STDERR = List.of("stdout", "stderr");

  /** The URL query, as Flynn's client encodes it. */
  public String query() {
    List<String> params = new ArrayList<>();
    if (follow) {
      params.add("follow=true");
    }
    if (jobId != null && !jobId.isEmpty()) {
      params.add("job_id=" + ControllerClient.enc(jobId));
    }
    if (lines != null && lines >= 0) {
      params.add("lines=" + lines);
    }
    if (processType != null) {
      params.add("process_type=" + ControllerClient.enc(processType));
    }
    List<String> streams =
        streamTypes == null || streamTypes.isEmpty() ? STDOUT_AND_STDERR : streamTypes;
    params.add("stream_types=" + ControllerClient.enc(String.join(",", streams)));
    return String.join("&", params);
  }
}
