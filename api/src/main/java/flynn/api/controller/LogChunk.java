package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The data of one SSE event of {@code GET /apps/:id/log}: {@code {"event":"message","data":
 * <LogLine>}}, and a final {@code {"event":"eof"}} when a log that is not followed ends.
 */
public record LogChunk(@JsonProperty("event") String event, @JsonProperty("data") LogLine data) {
  public static final String MESSAGE = "message";
  public static final String EOF = "eof";

  public static LogChunk message(LogLine line) {
    return new LogChunk(MESSAGE, line);
  }

  public static LogChunk eof() {
    return new LogChunk(EOF, null);
  }
}
