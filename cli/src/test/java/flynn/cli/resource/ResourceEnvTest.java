package flynn.cli.resource;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.controller.Release;
import flynn.cli.env.EnvChange;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceEnvTest {
  private static final Map<String, String> PG =
      Map.of("DATABASE_URL", "postgres://u:p@h/db", "PGUSER", "u", "PGPASSWORD", "p");

  @Test
  void addingMergesTheResourceEnvOverTheAppsEnv() {
    Release current = release(Map.of("PORT", "8080", "PGUSER", "old"));

    Release next = EnvChange.apply(current, null, ResourceEnv.added(PG));

    assertThat(next.env())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "PORT", "8080",
                "PGUSER", "u",
                "PGPASSWORD", "p",
                "DATABASE_URL", "postgres://u:p@h/db"));
  }

  @Test
  void addingToAnAppWithoutAReleaseGivesAReleaseWithOnlyTheResourceEnv() {
    assertThat(EnvChange.apply(null, null, ResourceEnv.added(PG)).env()).isEqualTo(PG);
  }

  @Test
  void removingDropsOnlyTheKeysThatStillHaveTheResourcesValue() {
    Release current =
        release(
            Map.of(
                "PORT", "8080",
                "DATABASE_URL", "postgres://u:p@h/db",
                "PGUSER", "changed-by-user"));

    Map<String, Optional<String>> changes = ResourceEnv.removed(current, PG);

    assertThat(changes).containsOnlyKeys("DATABASE_URL");
    assertThat(EnvChange.apply(current, null, changes).env())
        .isEqualTo(Map.of("PORT", "8080", "PGUSER", "changed-by-user"));
  }

  @Test
  void removingFromAnAppWithoutAReleaseOrEnvChangesNothing() {
    assertThat(ResourceEnv.removed(null, PG)).isEmpty();
    assertThat(ResourceEnv.removed(release(null), PG)).isEmpty();
    assertThat(ResourceEnv.removed(release(Map.of("A", "1")), null)).isEmpty();
  }

  private static Release release(Map<String, String> env) {
    return new Release("r1", "app-1", null, env, null, null, null, null);
  }
}
