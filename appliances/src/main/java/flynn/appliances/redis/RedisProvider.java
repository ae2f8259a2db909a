package flynn.appliances.redis;

import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.http.ApiException;
import flynn.api.provider.Provisioned;
import flynn.appliances.Provisioner;
import flynn.appliances.Secrets;
import java.util.regex.Pattern;

/** The redis provider: each resource is its own redis-server with its own password. */
public final class RedisProvider implements Provisioner {
  public static final String NAME = "redis";
  public static final String PATH = "/clusters";
  private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");

  private final RedisServers servers;
  private final Secrets secrets;

  public RedisProvider(RedisServers servers, Secrets secrets) {
    this.servers = servers;
    this.secrets = secrets;
  }

  @Override
  public Provisioned provision(JsonNode config) {
    String id = secrets.hex(8);
    String password = secrets.password();
    try {
      servers.start(id, password);
    } catch (RuntimeException e) {
      servers.remove(id); // no half-started app left behind
      throw e;
    }
    return new Provisioned(id, RedisEnv.of(id, password));
  }

  @Override
  public void deprovision(String id) {
    if (!ID.matcher(id).matches()) {
      throw ApiException.notFound("redis cluster", id);
    }
    servers.remove(id);
  }
}
