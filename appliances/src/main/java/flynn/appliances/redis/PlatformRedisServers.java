package flynn.appliances.redis;

import flynn.appliances.platform.AppliancePlatform;
import flynn.appliances.platform.ApplianceSpec;
import flynn.appliances.platform.ServerAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Redis servers as apps of the platform, one {@code redis-<id>} app per resource, as in Flynn. */
public final class PlatformRedisServers implements RedisServers {
  static final String START = "/usr/local/bin/flynn-redis-start";

  private final AppliancePlatform platform;
  private final long memory;
  private final Duration startTimeout;

  public PlatformRedisServers(AppliancePlatform platform, long memory, Duration startTimeout) {
    this.platform = platform;
    this.memory = memory;
    this.startTimeout = startTimeout;
  }

  public static ApplianceSpec spec(String id, long memory) {
    List<String> args = new ArrayList<>(List.of(START));
    args.addAll(new RedisTuning(memory).args());
    String service = RedisEnv.service(id);
    return new ApplianceSpec(service, "redis", service, RedisEnv.PORT, "redis", args, memory);
  }

  @Override
  public ServerAddress start(String id, String password) {
    ApplianceSpec spec = spec(id, memory);
    Map<String, String> env = platform.ensure(spec, () -> Map.of("REDIS_PASSWORD", password));
    String actual = env.getOrDefault("REDIS_PASSWORD", password);
    return platform.awaitServer(
        spec.service(), startTimeout, address -> RedisPing.accepts(address, actual));
  }

  @Override
  public void remove(String id) {
    platform.delete(RedisEnv.service(id));
  }
}
