package flynn.api.http;

/**
 * An error with an HTTP status and Flynn's error code. Servers throw it and map it to the JSON
 * error in one place; clients raise it from an error response.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public static final String NOT_FOUND = "not_found";
  public static final String OBJECT_NOT_FOUND = "object_not_found";
  public static final String OBJECT_EXISTS = "object_exists";
  public static final String CONFLICT = "conflict";
  public static final String SYNTAX_ERROR = "syntax_error";
  public static final String VALIDATION_ERROR = "validation_error";
  public static final String PRECONDITION_FAILED = "precondition_failed";
  public static final String UNAUTHORIZED = "unauthorized";
  public static final String UNKNOWN_ERROR = "unknown_error";
  public static final String SERVICE_UNAVAILABLE = "service_unavailable";
  public static final String REQUEST_BODY_TOO_BIG = "request_body_too_big";

  private final int status;
  private final ApiError error;

  public ApiException(int status, ApiError error) {
    super(error.message());
    this.status = status;
    this.error = error;
  }

  public ApiException(int status, String code, String message, String field) {
    this(status, new ApiError(code, message, field));
  }

  public static ApiException validation(String field, String message) {
    return new ApiException(400, VALIDATION_ERROR, message, field);
  }

  public static ApiException syntax(String message) {
    return new ApiException(400, SYNTAX_ERROR, message, null);
  }

  /** 404 for an unknown object, e.g. {@code notFound("app", "demo")}. */
  public static ApiException notFound(String kind, String id) {
    return new ApiException(404, OBJECT_NOT_FOUND, kind + " not found: " + id, null);
  }

  public static ApiException exists(String message) {
    return new ApiException(409, OBJECT_EXISTS, message, null);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, CONFLICT, message, null);
  }

  public static ApiException unauthorized() {
    return new ApiException(401, UNAUTHORIZED, "invalid or missing cluster key", null);
  }

  public static ApiException tooBig(long limit) {
    return new ApiException(
        400, REQUEST_BODY_TOO_BIG, "request body is larger than " + limit + " bytes", null);
  }

  public static ApiException unavailable(String message) {
    return new ApiException(503, SERVICE_UNAVAILABLE, message, null);
  }

  public int status() {
    return status;
  }

  public ApiError error() {
    return error;
  }

  public String code() {
    return error.code();
  }

  public boolean isNotFound() {
    return status == 404;
  }
}
