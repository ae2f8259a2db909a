package flynn.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisToolTest {
  @Test
  void redisCliReachesTheResourcesServerWithThePasswordInItsEnv() {
    ResourceEnv env =
        new ResourceEnv(
            Appliance.REDIS,
            Map.of(
                "FLYNN_REDIS", "redis-r1",
                "REDIS_HOST", "leader.redis-r1.discoverd",
                "REDIS_PORT", "6379",
                "REDIS_PASSWORD", "secret",
                "REDIS_URL", "redis://:secret@leader.redis-r1.discoverd:6379"));

    DbJob job = new RedisTool().console(env, List.of("INCR", "visits"));

    assertThat(job.args())
        .containsExactly(
            "redis-cli", "-h", "leader.redis-r1.discoverd", "-p", "6379", "INCR", "visits");
    assertThat(job.env()).isEqualTo(Map.of("REDISCLI_AUTH", "secret"));
  }
}
