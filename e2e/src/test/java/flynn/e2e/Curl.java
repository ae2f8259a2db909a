package flynn.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A response as {@code curl} got it through the router, the way a user checks an app. */
record Curl(int status, String body) {
  /** {@code curl -H 'Host: HOST' http://127.0.0.1:PORT/PATH}, 10 s at most; status 0 if none. */
  static Curl get(int httpPort, String host, String path) {
    return get(httpPort, host, path, Duration.ofSeconds(10));
  }

  static Curl get(int httpPort, String host, String path, Duration maxTime) {
    try {
      Process p =
          new ProcessBuilder(
                  "curl",
                  "-s",
                  "--max-time",
                  Long.toString(maxTime.toSeconds()),
                  "-H",
                  "Host: " + host,
                  "-w",
                  "\n%{http_code}",
                  "http://127.0.0.1:" + httpPort + path)
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      int cut = out.lastIndexOf('\n');
      return new Curl(Integer.parseInt(out.substring(cut + 1).trim()), out.substring(0, cut));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The first line of the body starting with {@code prefix}, or an empty string. */
  String line(String prefix) {
    return body.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
  }
}
