package flynn.appliances.redis;

import java.util.LinkedHashMap;
import java.util.Map;

/** The env an app gets with a redis resource (Flynn's names); each resource is its own service. */
public final class RedisEnv {
  public static final int PORT = 6379;

  private RedisEnv() {}

  /** The app and service of resource {@code id}: {@code redis-<id>}. */
  public static String service(String id) {
    return "redis-" + id;
  }

  public static String host(String id) {
    return "leader." + service(id) + ".discoverd";
  }

  public static Map<String, String> of(String id, String password) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("FLYNN_REDIS", service(id));
    env.put("REDIS_HOST", host(id));
    env.put("REDIS_PORT", Integer.toString(PORT));
    env.put("REDIS_PASSWORD", password);
    env.put("REDIS_URL", "redis://:" + password + "@" + host(id) + ":" + PORT);
    return env;
  }
}
