package flynn.api.discoverd;

import com.fasterxml.jackson.core.type.TypeReference;
import flynn.api.http.ApiException;
import flynn.api.http.JsonHttp;
import flynn.api.http.SseStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * discoverd's HTTP API, Flynn's shape. Instances expire unless re-registered (a heartbeat) within
 * the TTL; {@link #register} is that heartbeat too.
 */
public final class DiscoverdClient {
  private final JsonHttp http;

  public DiscoverdClient(String url) {
    this.http = new JsonHttp(url, null);
  }

  public String url() {
    return http.baseUrl();
  }

  /** {@code PUT /services/:service}: creates the service (idempotent). */
  public void addService(String service) {
    try {
      http.put("/services/" + enc(service), ServiceConfig.oldest());
    } catch (ApiException e) {
      if (e.status() != 409) {
        throw e;
      }
    }
  }

  /** {@code DELETE /services/:service}: removes the service; its instances go down. */
  public void removeService(String service) {
    http.delete("/services/" + enc(service));
  }

  /** {@code GET /services/:service}: the service's configuration, empty when it does not exist. */
  public Optional<ServiceConfig> service(String service) {
    try {
      return Optional.ofNullable(http.get("/services/" + enc(service), ServiceConfig.class));
    } catch (ApiException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** {@code PUT /services/:service/instances/:id}: registers or refreshes an instance. */
  public void register(String service, Instance instance) {
    http.put("/services/" + enc(service) + "/instances/" + enc(instance.id()), instance);
  }

  public void deregister(String service, String instanceId) {
    http.delete("/services/" + enc(service) + "/instances/" + enc(instanceId));
  }

  public List<Instance> instances(String service) {
    try {
      return http.get(
          "/services/" + enc(service) + "/instances", new TypeReference<List<Instance>>() {});
    } catch (ApiException e) {
      if (e.isNotFound()) {
        return List.of();
      }
      throw e;
    }
  }

  public Optional<Instance> leader(String service) {
    try {
      return Optional.ofNullable(http.get("/services/" + enc(service) + "/leader", Instance.class));
    } catch (ApiException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * {@code GET /services/:service/instances} as SSE: {@code up} for each current instance, then
   * {@code current}, then changes. Each event's data is a {@link ServiceEvent}.
   */
  public SseStream watch(String service) {
    return http.stream("/services/" + enc(service) + "/instances", null);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
