package flynn.api.provider;

import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.http.JsonHttp;

/**
 * Flynn's resource provider contract, spoken to the provider at {@code url}: {@code POST <url>}
 * with a JSON config answers {@link Provisioned}; {@code DELETE <url>?id=<id>} deprovisions. The
 * cluster key authenticates both.
 */
public final class ProviderClient {
  /** A first provision may build the server's image and start it: minutes on a new machine. */
  public static final java.time.Duration PROVISION_TIMEOUT = java.time.Duration.ofMinutes(10);

  private final JsonHttp http;

  public ProviderClient(String url, String key) {
    this.http = new JsonHttp(url, key).withTimeout(PROVISION_TIMEOUT);
  }

  public Provisioned provision(JsonNode config) {
    return http.post("", config, Provisioned.class);
  }

  public void deprovision(String id) {
    http.delete("?id=" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8));
  }
}
