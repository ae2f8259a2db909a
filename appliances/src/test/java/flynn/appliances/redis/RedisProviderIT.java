package flynn.appliances.redis;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.provider.ProviderClient;
import flynn.api.provider.Provisioned;
import flynn.appliances.ProviderServer;
import flynn.appliances.ProviderServerConfig;
import flynn.appliances.Secrets;
import flynn.appliances.platform.ServerAddress;
import flynn.appliances.testing.ScriptedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The redis provider over HTTP, each resource a redis-server of Debian's package started by the
 * appliance's own start script as an unprivileged user.
 */
class RedisProviderIT {
  private static final String KEY = "test-key";

  private final Map<String, ScriptedServer> servers = new ConcurrentHashMap<>();
  private ProviderServer provider;
  private ProviderClient client;

  /** Servers of this machine in place of the platform's apps, ready once PING passes. */
  private final RedisServers local =
      new RedisServers() {
        @Override
        public ServerAddress start(String id, String password) {
          try {
            ScriptedServer s =
                ScriptedServer.start(
                    "flynn-redis-start",
                    "REDIS_DATA",
                    Map.of("REDIS_PASSWORD", password),
                    new RedisTuning(128L << 20).args());
            servers.put(id, s);
            ServerAddress address = new ServerAddress("127.0.0.1", s.port());
            Awaitility.await().until(() -> RedisPing.accepts(address, password));
            return address;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }

        @Override
        public void remove(String id) {
          ScriptedServer s = servers.remove(id);
          if (s != null) {
            s.stop();
          }
        }
      };

  @BeforeEach
  void start() {
    provider =
        ProviderServer.start(
            new ProviderServerConfig("127.0.0.1", 0, KEY),
            RedisProvider.NAME,
            RedisProvider.PATH,
            new RedisProvider(local, new Secrets()));
    client = new ProviderClient("http://127.0.0.1:" + provider.port() + "/clusters", KEY);
  }

  @AfterEach
  void stop() throws IOException {
    provider.close();
    for (ScriptedServer s : List.copyOf(servers.values())) {
      s.close();
    }
  }

  @Test
  void eachResourceIsItsOwnServerBehindItsOwnPassword() {
    Provisioned first = client.provision(null);
    Provisioned second = client.provision(null);

    assertThat(first.id()).matches("[0-9a-f]{16}").isNotEqualTo(second.id());
    String password = first.env().get("REDIS_PASSWORD");
    assertThat(first.env())
        .containsEntry("FLYNN_REDIS", "redis-" + first.id())
        .containsEntry("REDIS_HOST", "leader.redis-" + first.id() + ".discoverd")
        .containsEntry("REDIS_PORT", "6379")
        .containsEntry(
            "REDIS_URL",
            "redis://:" + password + "@leader.redis-" + first.id() + ".discoverd:6379");
    ServerAddress firstServer = address(first);
    assertThat(RedisPing.accepts(firstServer, password)).isTrue();
    assertThat(RedisPing.accepts(firstServer, second.env().get("REDIS_PASSWORD"))).isFalse();
  }

  @Test
  void deprovisionStopsTheServer() {
    Provisioned resource = client.provision(null);
    ServerAddress server = address(resource);

    client.deprovision(resource.id());

    assertThat(servers).doesNotContainKey(resource.id());
    assertThat(RedisPing.accepts(server, resource.env().get("REDIS_PASSWORD"))).isFalse();
  }

  private ServerAddress address(Provisioned resource) {
    return new ServerAddress("127.0.0.1", servers.get(resource.id()).port());
  }
}
