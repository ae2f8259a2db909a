package flynn.appliances.platform;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.controller.Deployment;
import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.api.controller.VolumeReq;
import flynn.api.host.Port;
import flynn.api.host.ResourceSpec;
import flynn.appliances.mysql.MariadbDialect;
import flynn.appliances.postgres.PostgresDialect;
import flynn.appliances.sql.SqlAppliance;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplianceReleaseTest {
  private static final long GB = 1L << 30;

  @Test
  void theAppDeploysOneDownOneUpSoTheNewJobGetsTheFreedVolume() {
    assertThat(ApplianceRelease.app(SqlAppliance.spec(new PostgresDialect(), GB)).strategy())
        .isEqualTo(Deployment.ONE_DOWN_ONE_UP);
    assertThat(ApplianceRelease.app(SqlAppliance.spec(new PostgresDialect(), GB)).name())
        .isEqualTo("postgres");
  }

  @Test
  void thePostgresReleaseRunsItsStartScriptInItsStackWithAPersistentVolume() {
    Release release =
        ApplianceRelease.release(
            SqlAppliance.spec(new PostgresDialect(), GB),
            "stack-artifact",
            Map.of("PGPASSWORD", "secret"));

    assertThat(release.artifacts()).containsExactly("stack-artifact");
    assertThat(release.env()).containsEntry("PGPASSWORD", "secret");
    ProcessType type = release.processes().get("postgres");
    assertThat(type.args())
        .startsWith("/usr/local/bin/flynn-postgres-start", "-c", "max_connections=100");
    assertThat(type.service()).isEqualTo("postgres");
    assertThat(type.volumes()).containsExactly(new VolumeReq("/data", false));
    assertThat(type.resources()).containsEntry("memory", ResourceSpec.of(GB));
    Port port = type.ports().getFirst();
    assertThat(port.port()).isEqualTo(5432);
    assertThat(port.service().name()).isEqualTo("postgres");
    assertThat(port.service().check().type()).isEqualTo("tcp");
    assertThat(type.stopGrace()).isEqualTo(60);
  }

  @Test
  void theMysqlApplianceRunsMariadbAsServiceMysql() {
    ApplianceSpec spec = SqlAppliance.spec(new MariadbDialect(), GB);
    assertThat(spec.app()).isEqualTo("mysql");
    assertThat(spec.service()).isEqualTo("mysql");
    assertThat(spec.stack()).isEqualTo("mariadb");
    assertThat(spec.port()).isEqualTo(3306);
    assertThat(spec.args())
        .startsWith("/usr/local/bin/flynn-mariadb-start", "--innodb-buffer-pool-size=512M");
  }

  @Test
  void discoverdAddressesAreParsedIntoHostAndPort() {
    assertThat(ServerAddress.parse("100.100.0.7:5432"))
        .isEqualTo(new ServerAddress("100.100.0.7", 5432));
  }
}
