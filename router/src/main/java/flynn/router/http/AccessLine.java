package flynn.router.http;

/**
 * One request's access log fields, captured on the event loop and written later by {@link
 * AccessLogWriter}.
 */
record AccessLine(
    String app,
    String route,
    String method,
    String host,
    String path,
    int status,
    long bytes,
    long durationMs,
    String backend,
    String requestId) {}
