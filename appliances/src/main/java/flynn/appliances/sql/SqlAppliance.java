package flynn.appliances.sql;

import flynn.appliances.Secrets;
import flynn.appliances.platform.AppliancePlatform;
import flynn.appliances.platform.ApplianceSpec;
import flynn.appliances.platform.PlatformAppliance;
import java.time.Duration;

/** A dialect's shared server as an app of the platform: app and service named as the provider. */
public final class SqlAppliance {
  private SqlAppliance() {}

  public static ApplianceSpec spec(SqlDialect dialect, long memory) {
    DatabaseEnv env = dialect.env();
    return new ApplianceSpec(
        env.service(),
        env.service(),
        env.service(),
        env.port(),
        dialect.stack(),
        dialect.serverArgs(memory),
        memory);
  }

  public static PlatformAppliance on(
      SqlDialect dialect,
      AppliancePlatform platform,
      Secrets secrets,
      long memory,
      Duration startTimeout) {
    SqlServer server = new SqlServer(dialect);
    return new PlatformAppliance(
        platform,
        spec(dialect, memory),
        () -> dialect.superuserEnv(secrets),
        dialect::superuser,
        server::acceptsLogin,
        startTimeout);
  }
}
