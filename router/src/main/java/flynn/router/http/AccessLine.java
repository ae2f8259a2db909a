package flynn.router.http;

/**
 * One request's access log fields, captured on the event loop and written later by {@link
 * AccessLogWriter}.
 */
record AccessLine(
    long timeMillis,
    String app,
    String route,
    String method,
    String host,
    String path,
    int status,
    long bytes,
    long durationMs,
    String backend,
    String requestId) {

  /**
   * Appends this line as flynn-host logs its other events ({@code time LEVEL logger: message}),
   * ending with a newline; {@code time} writes the time of day.
   */
  void appendTo(StringBuilder out, TimeOfDay time) {
    time.appendTo(out, timeMillis);
    out.append(" INFO  access: request app=").append(app);
    out.append(" route=").append(route);
    out.append(" method=").append(method);
    out.append(" host=").append(host);
    out.append(" path=").append(path);
    out.append(" status=").append(status);
    out.append(" bytes=").append(bytes);
    out.append(" duration_ms=").append(durationMs);
    out.append(" backend=").append(backend);
    out.append(" request_id=").append(requestId).append('\n');
  }
}
