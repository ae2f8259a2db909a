package flynn.api.http;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Flynn's JSON error body: {@code {"code": ..., "message": ..., "field": ...}}. */
public record ApiError(
    @JsonProperty("code") String code,
    @JsonProperty("message") String message,
    @JsonProperty("field") String field) {}
