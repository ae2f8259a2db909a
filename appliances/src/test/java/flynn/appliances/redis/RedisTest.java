package flynn.appliances.redis;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.controller.ProcessType;
import flynn.appliances.platform.ApplianceRelease;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedisTest {
  private static final long MB = 1L << 20;

  @Test
  void threeQuartersOfMemoryHoldDataAndWritesAreRefusedWhenFull() {
    assertThat(new RedisTuning(1024 * MB).args())
        .containsExactly(
            "--maxmemory", Long.toString(768 * MB), "--maxmemory-policy", "noeviction");
  }

  @Test
  void eachResourceIsAnAppAndServiceOfItsOwn() {
    var spec = PlatformRedisServers.spec("00ff", 512 * MB);
    assertThat(spec.app()).isEqualTo("redis-00ff");
    assertThat(spec.service()).isEqualTo("redis-00ff");
    assertThat(spec.processType()).isEqualTo("redis");
    assertThat(spec.stack()).isEqualTo("redis");
    assertThat(spec.args()).startsWith("/usr/local/bin/flynn-redis-start", "--maxmemory");
    ProcessType type =
        ApplianceRelease.release(spec, "artifact", java.util.Map.of()).processes().get("redis");
    assertThat(type.ports().getFirst().port()).isEqualTo(6379);
  }

  @Test
  void commandsAreSentAsRespArraysOfBulkStrings() {
    assertThat(new String(RedisPing.command("AUTH", "pässword"), StandardCharsets.UTF_8))
        .isEqualTo("*2\r\n$4\r\nAUTH\r\n$9\r\npässword\r\n");
  }
}
