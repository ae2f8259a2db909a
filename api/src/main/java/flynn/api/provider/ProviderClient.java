package flynn.api.provider;

import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.http.JsonHttp;

/**
 * Flynn's resource provider contract, spoken to the provider at {@code url}: {@code POST <url>}
 * with a JSON config answers {@link Provisioned}; {@code DELETE <url>?id=<id>} deprovisions. The
 * cluster key authenticates both.
 */
public final class ProviderClient {
  private final JsonHttp http;

  public ProviderClient(String url, String key) {
    this.http = new JsonHttp(url, key);
  }

  public Provisioned provision(JsonNode config) {
    return http.post("", config, Provisioned.class);
  }

  public void deprovision(String id) {
    http.delete("?id=" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8));
  }
}
