package flynn.host;

import com.sun.net.httpserver.HttpServer;
import flynn.api.Json;
import flynn.api.discoverd.Instance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in discoverd for tests: accepts every call, records instance PUTs and DELETEs, and lists
 * the instances a test set for a service.
 */
final class FakeDiscoverd implements AutoCloseable {
  /** One recorded call: method, service, and the instance sent (for a PUT). */
  record Call(String method, String service, String instanceId, Instance instance) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, List<Instance>> listed = new ConcurrentHashMap<>();

  FakeDiscoverd() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          String[] parts = exchange.getRequestURI().getPath().split("/");
          if (parts.length == 4 && parts[3].equals("instances") && listed.containsKey(parts[2])) {
            byte[] list = Json.writeBytes(listed.get(parts[2]));
            exchange.sendResponseHeaders(200, list.length);
            exchange.getResponseBody().write(list);
            exchange.close();
            return;
          }
          // /services/<service>/instances/<id>
          if (parts.length == 5 && parts[3].equals("instances")) {
            Instance instance =
                body.length == 0
                    ? null
                    : Json.read(new String(body, StandardCharsets.UTF_8), Instance.class);
            calls.add(new Call(exchange.getRequestMethod(), parts[2], parts[4], instance));
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** What {@code GET /services/<service>/instances} answers from now on. */
  void list(String service, List<Instance> instances) {
    listed.put(service, List.copyOf(instances));
  }

  List<Call> calls(String service) {
    return calls.stream().filter(c -> c.service().equals(service)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
