package flynn.http.upgrade;

/**
 * Handles one upgrade request. Until it calls {@link Upgrade#switchProtocols()} it may throw an
 * {@link flynn.api.http.ApiException}, which becomes Flynn's JSON error response; after that the
 * connection is its own, and it closes when the handler returns.
 */
@FunctionalInterface
public interface UpgradeHandler {
  void handle(Upgrade upgrade) throws Exception;
}
