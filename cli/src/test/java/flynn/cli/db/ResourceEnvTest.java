package flynn.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.controller.Resource;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceEnvTest {
  private static final OffsetDateTime T = OffsetDateTime.parse("2026-01-02T03:04:05Z");

  @Test
  void theNewestResourceOfTheAppliancesProviderIsTheOneTheAppUses() {
    List<Resource> resources =
        List.of(
            resource("p-pg", "PGDATABASE", "old", T),
            resource("p-redis", "REDIS_HOST", "r", T.plusHours(2)),
            resource("p-pg", "PGDATABASE", "new", T.plusHours(1)));

    assertThat(ResourceEnv.newest(resources, Appliance.POSTGRES, "p-pg"))
        .hasValueSatisfying(env -> assertThat(env.require("PGDATABASE")).isEqualTo("new"));
  }

  @Test
  void aResourceNamingItsProviderByNameCounts() {
    List<Resource> resources = List.of(resource("mysql", "MYSQL_DATABASE", "db", T));

    assertThat(ResourceEnv.newest(resources, Appliance.MYSQL, "p-mysql")).isPresent();
  }

  @Test
  void anAppWithoutOneHasNoneAndIsToldHowToAddOne() {
    List<Resource> resources = List.of(resource("p-redis", "REDIS_HOST", "r", T));

    assertThat(ResourceEnv.newest(resources, Appliance.POSTGRES, "p-pg")).isEmpty();
    assertThat(Appliance.POSTGRES.missingFrom("demo"))
        .isEqualTo("app demo has no postgres database: flynn resource add postgres");
  }

  private static Resource resource(
      String provider, String key, String value, OffsetDateTime created) {
    return new Resource(
        "r-" + value, provider, "ext-" + value, Map.of(key, value), List.of("demo"), created);
  }
}
