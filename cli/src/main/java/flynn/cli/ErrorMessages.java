package flynn.cli;

import flynn.api.config.ConfigException;
import flynn.api.http.ApiException;
import java.io.UncheckedIOException;

/** Turns any failure of a command into the one line the user sees after {@code flynn: }. */
public final class ErrorMessages {
  static final String UNAUTHORIZED = "unauthorized: check the cluster key (flynn cluster add)";
  private static final String UNREACHABLE_PREFIX = "cannot reach ";

  private ErrorMessages() {}

  public static String describe(Throwable e) {
    if (e instanceof ApiException api) {
      return describeApi(api);
    }
    if (e instanceof CliException || e instanceof ConfigException) {
      return e.getMessage();
    }
    if (e instanceof UncheckedIOException io) {
      return "I/O error: " + io.getCause().getMessage();
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  private static String describeApi(ApiException e) {
    if (e.status() == 401) {
      return UNAUTHORIZED;
    }
    String message = e.getMessage();
    if (ApiException.SERVICE_UNAVAILABLE.equals(e.code())
        && message != null
        && message.startsWith(UNREACHABLE_PREFIX)) {
      return unreachable(message.substring(UNREACHABLE_PREFIX.length()));
    }
    if (message == null || message.isBlank()) {
      return e.code() + " (HTTP " + e.status() + ")";
    }
    return message;
  }

  /** "http://host:port: connection refused" becomes "cannot reach controller at URL (why)". */
  private static String unreachable(String urlAndWhy) {
    int split = urlAndWhy.indexOf(": ");
    if (split < 0) {
      return "cannot reach controller at " + urlAndWhy;
    }
    return "cannot reach controller at "
        + urlAndWhy.substring(0, split)
        + " ("
        + urlAndWhy.substring(split + 2)
        + ")";
  }
}
