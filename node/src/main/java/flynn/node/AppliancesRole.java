package flynn.node;

import flynn.api.controller.ControllerClient;
import flynn.api.controller.Provider;
import flynn.api.discoverd.DiscoverdClient;
import flynn.api.discoverd.Heartbeat;
import flynn.api.discoverd.Instance;
import flynn.appliances.ProviderServer;
import flynn.appliances.ProviderServerConfig;
import flynn.appliances.Provisioner;
import flynn.appliances.Secrets;
import flynn.appliances.mysql.MariadbDialect;
import flynn.appliances.platform.AppliancePlatform;
import flynn.appliances.platform.ApplianceSpec;
import flynn.appliances.postgres.PostgresDialect;
import flynn.appliances.redis.PlatformRedisServers;
import flynn.appliances.redis.RedisProvider;
import flynn.appliances.sql.SqlAppliance;
import flynn.appliances.sql.SqlDialect;
import flynn.appliances.sql.SqlProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database appliances' providers in flynn-host: postgres, mysql and redis, each an HTTP server
 * on a free loopback port, registered in discoverd as {@code <name>-api} and with the controller as
 * a provider by name. The servers themselves run as apps, created on the first provision.
 */
final class AppliancesRole implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AppliancesRole.class);
  private static final String LOOPBACK = "127.0.0.1";

  /** A first start may build the stack image: within the controller's 10 minutes to provision. */
  static final Duration START_TIMEOUT = Duration.ofMinutes(9);

  private final Deque<AutoCloseable> started;

  private AppliancesRole(Deque<AutoCloseable> started) {
    this.started = started;
  }

  static AppliancesRole start(String key, String controllerUrl, String discoverdUrl) {
    ControllerClient controller = new ControllerClient(controllerUrl, key);
    DiscoverdClient discoverd = new DiscoverdClient(discoverdUrl);
    AppliancePlatform platform = new AppliancePlatform(controller, discoverd, Clock.systemUTC());
    Secrets secrets = new Secrets();
    long memory = ApplianceSpec.DEFAULT_MEMORY;
    Deque<AutoCloseable> started = new ArrayDeque<>();
    List<Provider> providers = new ArrayList<>();
    try {
      Starter starter = new Starter(key, discoverd, started, providers);
      for (SqlDialect dialect : List.of(new PostgresDialect(), new MariadbDialect())) {
        SqlProvider provider =
            new SqlProvider(
                dialect,
                SqlAppliance.on(dialect, platform, secrets, memory, START_TIMEOUT),
                secrets);
        starter.serve(provider.name(), SqlProvider.PATH, provider);
      }
      starter.serve(
          RedisProvider.NAME,
          RedisProvider.PATH,
          new RedisProvider(new PlatformRedisServers(platform, memory, START_TIMEOUT), secrets));
      started.push(ProviderRegistration.start(controller, providers));
      return new AppliancesRole(started);
    } catch (RuntimeException e) {
      new AppliancesRole(started).close();
      throw e;
    }
  }

  /** Starts one provider server and its heartbeat, and notes its registration. */
  private record Starter(
      String key, DiscoverdClient discoverd, Deque<AutoCloseable> started, List<Provider> out) {
    void serve(String name, String path, Provisioner provisioner) {
      ProviderServer server =
          ProviderServer.start(new ProviderServerConfig(LOOPBACK, 0, key), name, path, provisioner);
      started.push(server);
      String addr = LOOPBACK + ":" + server.port();
      started.push(Heartbeat.start(discoverd, name + "-api", Instance.of("http", addr, Map.of())));
      out.add(Provider.of(name, "http://" + addr + path));
    }
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      AutoCloseable part = started.pop();
      try {
        part.close();
      } catch (Exception e) {
        LOG.warn("event=appliance-stop-failed part={} error=\"{}\"", part, e.toString());
      }
    }
  }
}
