package flynn.discoverd.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import flynn.api.Json;
import flynn.api.discoverd.Instance;
import flynn.api.discoverd.ServiceConfig;
import flynn.api.http.ApiException;
import flynn.discoverd.registry.Registry;
import flynn.discoverd.zk.Feed;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flynn's discoverd HTTP API: services, their instances and leaders, and {@code /ping}. Handlers
 * parse and validate, then call the store (writes, reads) or the registry (event streams). A write
 * returns once this server's registry has caught up with it, so the writer's next stream shows it.
 */
public final class ServiceRoutes implements HttpService {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceRoutes.class);
  private static final Duration CATCH_UP = Duration.ofSeconds(2);

  private final ServiceStore store;
  private final Registry registry;
  private final Feed feed;
  private final EventStreams streams;

  public ServiceRoutes(ServiceStore store, Registry registry, Feed feed, Duration keepAlive) {
    this.store = store;
    this.registry = registry;
    this.feed = feed;
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
    String service = service(req);
    store.removeService(service);
    catchUp(() -> registry.awaitGone(service, null, CATCH_UP));
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
    long zxid = store.register(service, inst);
    catchUp(() -> feed.awaitApplied(zxid, CATCH_UP));
    res.send();
  }

  private void deregister(ServerRequest req, ServerResponse res) {
    String service = service(req);
    String id = req.path().pathParameters().get("id");
    store.deregister(service, id);
    catchUp(() -> registry.awaitGone(service, id, CATCH_UP));
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

  /** A wait for the registry; the write succeeded either way, so a timeout is only logged. */
  @FunctionalInterface
  private interface Wait {
    boolean done() throws InterruptedException;
  }

  private static void catchUp(Wait wait) {
    try {
      if (!wait.done()) {
        LOG.warn("registry did not catch up with a write within {}", CATCH_UP);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
