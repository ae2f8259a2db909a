package flynn.appliances;

/**
 * Where a provider listens and the cluster key it wants (HTTP Basic, any user).
 *
 * @param port 0 for a free one
 */
public record ProviderServerConfig(String host, int port, String key) {}
