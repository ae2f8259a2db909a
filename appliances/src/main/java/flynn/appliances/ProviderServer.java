package flynn.appliances;

import flynn.api.http.ApiException;
import flynn.http.ApiServer;
import flynn.http.Bodies;
import flynn.http.Responses;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider's HTTP face, Flynn's contract: {@code POST <path>} provisions and answers {@code {id,
 * env}}, {@code DELETE <path>?id=<id>} deprovisions, {@code GET /ping} says it is up. The path is
 * served with and without a trailing slash. The cluster key guards all but the ping.
 */
public final class ProviderServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderServer.class);
  private static final String PING = "/ping";

  private final ApiServer server;

  private ProviderServer(ApiServer server) {
    this.server = server;
  }

  /**
   * @param name the provider's name, for the logs
   * @param path {@code /databases} or {@code /clusters}
   */
  public static ProviderServer start(
      ProviderServerConfig config, String name, String path, Provisioner provisioner) {
    Routes routes = new Routes(name, provisioner);
    ApiServer server =
        ApiServer.start(
            config.host(),
            config.port(),
            config.key(),
            Set.of(PING),
            routing -> routes.install(routing, path));
    LOG.info("provider={} event=listening host={} port={}", name, config.host(), server.port());
    return new ProviderServer(server);
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
  }

  private record Routes(String name, Provisioner provisioner) {
    void install(HttpRouting.Builder routing, String path) {
      for (String p : new String[] {path, path + "/"}) {
        routing.post(p, this::provision);
        routing.delete(p, this::deprovision);
      }
      routing.get(PING, (req, res) -> Responses.json(res, Map.of("status", "ok")));
    }

    private void provision(ServerRequest req, ServerResponse res) {
      var config =
          req.content().hasEntity()
              ? Bodies.read(req, com.fasterxml.jackson.databind.JsonNode.class)
              : null;
      var provisioned = provisioner.provision(config);
      LOG.info("provider={} event=provisioned id={}", name, provisioned.id());
      Responses.json(res, provisioned);
    }

    private void deprovision(ServerRequest req, ServerResponse res) {
      String id =
          req.query()
              .first("id")
              .asOptional()
              .filter(s -> !s.isBlank())
              .orElseThrow(() -> ApiException.validation("id", "the id to deprovision is missing"));
      provisioner.deprovision(id);
      LOG.info("provider={} event=deprovisioned id={}", name, id);
      Responses.json(res, Map.of("id", id));
    }
  }
}
