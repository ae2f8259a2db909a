package flynn.host.health;

import flynn.api.host.HealthCheck;
import flynn.api.http.ApiException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A service's health check with Flynn's defaults filled in: TCP connect, or an HTTP GET of {@code
 * path} expecting {@code status} (any 2xx or 3xx when unset) and, when {@code match} is set, a body
 * (its first 5 KiB) in which the regex is found. While a job starts its port is tried often; once
 * it is up every {@code interval}, and {@code threshold} results in a row change its state.
 *
 * @param host the Host header of HTTP checks; null for the address checked
 * @param timeout how long one probe may take
 */
public record CheckSpec(
    Kind kind,
    String path,
    String host,
    Integer status,
    Pattern match,
    Duration interval,
    int threshold,
    Duration startTimeout,
    boolean killDown,
    Duration timeout) {

  public enum Kind {
    TCP,
    HTTP
  }

  /** How long one probe may take at most (Flynn's). */
  public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  /** Where a check with no check gets its settings: Flynn's TCP check. */
  public static CheckSpec of(HealthCheck check) {
    HealthCheck c = check == null ? HealthCheck.tcp() : check;
    Kind kind = kind(c.type());
    Duration interval = c.intervalOrDefault();
    return new CheckSpec(
        kind,
        kind == Kind.HTTP ? path(c.path()) : null,
        blankToNull(c.host()),
        c.status() == null || c.status() == 0 ? null : c.status(),
        kind == Kind.HTTP ? match(c.match()) : null,
        interval,
        c.thresholdOrDefault(),
        c.startTimeoutOrDefault(),
        Boolean.TRUE.equals(c.killDown()),
        interval.compareTo(PROBE_TIMEOUT) < 0 ? interval : PROBE_TIMEOUT);
  }

  /** Whether an HTTP status passes: the expected one, or any 2xx/3xx without one. */
  public boolean statusPasses(int actual) {
    return status == null ? actual >= 200 && actual < 400 : actual == status;
  }

  /** What a passing status is, for messages. */
  public String expectedStatus() {
    return status == null ? "2xx or 3xx" : Integer.toString(status);
  }

  private static Kind kind(String type) {
    String t = type == null || type.isBlank() ? "tcp" : type.toLowerCase(Locale.ROOT);
    return switch (t) {
      case "tcp" -> Kind.TCP;
      case "http" -> Kind.HTTP;
      default ->
          throw ApiException.validation(
              "check.type", "health check type " + type + " is not supported (tcp or http)");
    };
  }

  private static String path(String path) {
    if (path == null || path.isBlank()) {
      return "/";
    }
    if (!path.startsWith("/") || path.chars().anyMatch(ch -> ch <= ' ')) {
      throw ApiException.validation(
          "check.path", "must start with / and contain no spaces: " + path);
    }
    return path;
  }

  private static Pattern match(String regex) {
    if (regex == null || regex.isEmpty()) {
      return null;
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw ApiException.validation(
          "check.match", "is not a valid regular expression: " + e.getDescription());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
