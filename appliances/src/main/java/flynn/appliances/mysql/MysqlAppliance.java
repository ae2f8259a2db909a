package flynn.appliances.mysql;

import flynn.appliances.Secrets;
import flynn.appliances.platform.AppliancePlatform;
import flynn.appliances.platform.ApplianceSpec;
import flynn.appliances.platform.PlatformAppliance;
import flynn.appliances.platform.Superuser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The shared MariaDB server as an app of the platform: app and service {@code mysql}. */
public final class MysqlAppliance {
  static final String ROOT = "root";
  static final String START = "/usr/local/bin/flynn-mariadb-start";

  private MysqlAppliance() {}

  public static ApplianceSpec spec(long memory) {
    List<String> args = new ArrayList<>(List.of(START));
    args.addAll(new MariadbTuning(memory).args());
    return new ApplianceSpec(
        MysqlEnv.SERVICE,
        MysqlEnv.SERVICE,
        MysqlEnv.SERVICE,
        MysqlEnv.PORT,
        "mariadb",
        args,
        memory);
  }

  public static PlatformAppliance on(
      AppliancePlatform platform, Secrets secrets, long memory, Duration startTimeout) {
    return new PlatformAppliance(
        platform,
        spec(memory),
        () -> Map.of("MYSQL_PWD", secrets.password()),
        (address, env) -> new Superuser(address, ROOT, env.get("MYSQL_PWD")),
        MysqlServer::acceptsLogin,
        startTimeout);
  }
}
