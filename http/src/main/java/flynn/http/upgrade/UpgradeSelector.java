package flynn.http.upgrade;

import io.helidon.common.buffers.BufferData;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Claims the connections whose first request line is one of the {@link UpgradeRoute}s' method and
 * path; everything else is left to Helidon's HTTP/1 connection. A claimed connection that turns out
 * not to ask for the upgrade is handed to an HTTP/1 connection after all, so a plain request to the
 * same path still reaches the routing.
 */
public final class UpgradeSelector implements ServerConnectionSelector {
  private static final int LF = '\n';

  private final List<UpgradeRoute> routes;
  private final String key;
  private final ServerConnectionSelector http1 =
      Http1ConnectionSelector.builder().config(Http1Config.create()).build();

  /**
   * @param key the cluster key required as the Basic password, or null for none
   */
  public UpgradeSelector(List<UpgradeRoute> routes, String key) {
    this.routes = List.copyOf(routes);
    this.key = key;
  }

  @Override
  public int bytesToIdentifyConnection() {
    return 0;
  }

  @Override
  public Support supports(BufferData data) {
    int lf = data.indexOf((byte) LF);
    if (lf < 0) {
      return Support.UNKNOWN;
    }
    String line = data.readString(lf, StandardCharsets.ISO_8859_1);
    return RequestHead.requestLine(line)
        .filter(l -> routes.stream().anyMatch(r -> r.match(l[0], l[1]).isPresent()))
        .map(l -> Support.SUPPORTED)
        .orElse(Support.UNSUPPORTED);
  }

  @Override
  public Set<String> supportedApplicationProtocols() {
    return Set.of();
  }

  @Override
  public ServerConnection connection(ConnectionContext ctx) {
    return new UpgradeConnection(ctx, routes, key, () -> http1.connection(ctx));
  }
}
