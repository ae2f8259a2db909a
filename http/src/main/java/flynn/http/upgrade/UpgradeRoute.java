package flynn.http.upgrade;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A request that takes its connection over: {@code method} on {@code pathPattern} (segments like
 * {@code {id}} match any one segment) with {@code Upgrade: protocol}, handled by {@code handler}.
 */
public record UpgradeRoute(
    String method, String pathPattern, String protocol, UpgradeHandler handler) {

  /** The path parameters when {@code method} and {@code path} are this route's, else empty. */
  Optional<Map<String, String>> match(String method, String path) {
    if (!this.method.equals(method)) {
      return Optional.empty();
    }
    String[] want = pathPattern.split("/", -1);
    String[] got = path.split("/", -1);
    if (want.length != got.length) {
      return Optional.empty();
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < want.length; i++) {
      if (want[i].startsWith("{") && want[i].endsWith("}") && !got[i].isEmpty()) {
        params.put(want[i].substring(1, want[i].length() - 1), got[i]);
      } else if (!want[i].equals(got[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(Map.copyOf(params));
  }
}
