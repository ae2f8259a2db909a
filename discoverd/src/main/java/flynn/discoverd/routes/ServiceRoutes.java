package flynn.discoverd.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import flynn.api.Json;
import flynn.api.discoverd.Instance;
import flynn.api.discoverd.ServiceConfig;
import flynn.api.http.ApiException;
import flynn.discoverd.registry.Registry;
import flynn.discoverd.zk.ServiceStore;
import flynn.http.Bodies;
import flynn.http.Responses;
import flynn.http.SseResponse;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * Flynn's discoverd HTTP API: services, their instances and leaders, and {@code /ping}. Handlers
 * parse and validate, then call the store (writes, reads) or the registry (event streams).
 */
public final class ServiceRoutes implements HttpService {
  private final ServiceStore store;
  private final EventStreams streams;

  public ServiceRoutes(ServiceStore store, Registry registry, Duration keepAlive) {
    this.store = store;
    this.streams = new EventStreams(registry, keepAlive);
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/ping", (req, res) -> res.send())
        .put("/services/{service}", this::addService)
        .delete("/services/{service}", this::removeService)
        .get("/services/{service}", this::getService)
        .put("/services/{service}/instances/{id}", this::register)
        .delete("/services/{service}/instances/{id}", this::deregister)
        .get("/services/{service}/instances", this::instances)
        .get("/services/{service}/leader", this::leader);
  }

  private void addService(ServerRequest req, ServerResponse res) {
    String service = service(req);
    store.addService(service, Rules.config(optionalBody(req, ServiceConfig.class)));
    res.send();
  }

  private void removeService(ServerRequest req, ServerResponse res) {
    store.removeService(service(req));
    res.send();
  }

  /** The service's config, or with {@code Accept: text/event-stream} all its events. */
  private void getService(ServerRequest req, ServerResponse res) {
    String service = service(req);
    if (SseResponse.wanted(req)) {
      streams.serve(res, service, Registry.ALL_KINDS);
      return;
    }
    ServiceConfig config =
        store.config(service).orElseThrow(() -> ApiException.notFound("service", service));
    Responses.json(res, config);
  }

  private void register(ServerRequest req, ServerResponse res) {
    String service = service(req);
    Instance inst = Rules.instance(req.path().pathParameters().get("id"), body(req));
    store.register(service, inst);
    res.send();
  }

  private void deregister(ServerRequest req, ServerResponse res) {
    store.deregister(service(req), req.path().pathParameters().get("id"));
    res.send();
  }

  /** The instances oldest first, or with {@code Accept: text/event-stream} a stream of changes. */
  private void instances(ServerRequest req, ServerResponse res) {
    String service = service(req);
    if (SseResponse.wanted(req)) {
      streams.serve(res, service, Registry.ALL_KINDS);
      return;
    }
    Responses.json(res, store.instances(service));
  }

  /** The oldest instance (404 when there is none), or a stream of leader changes. */
  private void leader(ServerRequest req, ServerResponse res) {
    String service = service(req);
    if (SseResponse.wanted(req)) {
      streams.serve(res, service, Registry.LEADER_KINDS);
      return;
    }
    List<Instance> instances = store.instances(service);
    if (instances.isEmpty()) {
      throw ApiException.notFound("leader of service", service);
    }
    Responses.json(res, instances.getFirst());
  }

  private static String service(ServerRequest req) {
    return Rules.serviceName(req.path().pathParameters().get("service"));
  }

  private static Instance body(ServerRequest req) {
    return Bodies.read(req, Instance.class);
  }

  /** The JSON body, or null when there is none (Flynn's clients may PUT a service bare). */
  private static <T> T optionalBody(ServerRequest req, Class<T> type) {
    byte[] bytes = Bodies.bytes(req, Bodies.MAX_JSON_BYTES);
    if (bytes.length == 0) {
      return null;
    }
    try {
      return Json.mapper().readValue(bytes, type);
    } catch (JsonProcessingException e) {
      throw ApiException.syntax("invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
