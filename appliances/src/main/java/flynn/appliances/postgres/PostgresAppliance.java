package flynn.appliances.postgres;

import flynn.appliances.Secrets;
import flynn.appliances.platform.AppliancePlatform;
import flynn.appliances.platform.ApplianceSpec;
import flynn.appliances.platform.PlatformAppliance;
import flynn.appliances.platform.Superuser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shared PostgreSQL server as an app of the platform: app, service and stack {@code postgres}.
 */
public final class PostgresAppliance {
  static final String SUPERUSER = "flynn";
  static final String START = "/usr/local/bin/flynn-postgres-start";

  private PostgresAppliance() {}

  public static ApplianceSpec spec(long memory) {
    List<String> args = new ArrayList<>(List.of(START));
    args.addAll(new PostgresTuning(memory).args());
    return new ApplianceSpec(
        PostgresEnv.SERVICE,
        PostgresEnv.SERVICE,
        PostgresEnv.SERVICE,
        PostgresEnv.PORT,
        "postgres",
        args,
        memory);
  }

  public static PlatformAppliance on(
      AppliancePlatform platform, Secrets secrets, long memory, Duration startTimeout) {
    return new PlatformAppliance(
        platform,
        spec(memory),
        () -> Map.of("PGUSER", SUPERUSER, "PGPASSWORD", secrets.password()),
        (address, env) ->
            new Superuser(address, env.getOrDefault("PGUSER", SUPERUSER), env.get("PGPASSWORD")),
        PostgresServer::acceptsLogin,
        startTimeout);
  }
}
