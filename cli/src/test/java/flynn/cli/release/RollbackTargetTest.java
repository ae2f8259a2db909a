package flynn.cli.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.controller.Deployment;
import flynn.api.controller.Release;
import flynn.cli.CliException;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollbackTargetTest {
  private static final List<Release> RELEASES =
      List.of(release("r1", 1), release("r3", 3), release("r2", 2));

  @Test
  void withoutAnIdTheReleaseCreatedBeforeTheCurrentOneIsChosen() {
    assertThat(RollbackTarget.choose(List.of(), RELEASES, "r3", null)).isEqualTo("r2");
    assertThat(RollbackTarget.choose(List.of(), RELEASES, "r2", null)).isEqualTo("r1");
  }

  @Test
  void theOldestReleaseHasNothingToRollBackTo() {
    assertThatThrownBy(() -> RollbackTarget.choose(List.of(), RELEASES, "r1", null))
        .isInstanceOf(CliException.class)
        .hasMessage("Not enough releases to perform a rollback.");
  }

  @Test
  void aGivenIdIsUsedUnlessItIsTheCurrentRelease() {
    assertThat(RollbackTarget.choose(List.of(), RELEASES, "r3", "r1")).isEqualTo("r1");
    assertThatThrownBy(() -> RollbackTarget.choose(List.of(), RELEASES, "r3", "r3"))
        .hasMessage("Release id given is the current release.");
  }

  @Test
  void theReleaseRunBeforeTheCurrentDeploymentWinsOverCreationOrder() {
    List<Deployment> deployments =
        List.of(
            deployment("r1", "r2", Deployment.COMPLETE, 2),
            deployment("r2", "r3", Deployment.FAILED, 3),
            deployment("r1", "r3", Deployment.COMPLETE, 4));

    assertThat(RollbackTarget.choose(deployments, RELEASES, "r3", null)).isEqualTo("r1");
  }

  private static Deployment deployment(String from, String to, String status, int day) {
    return new Deployment(
        "d" + day,
        "app",
        from,
        to,
        Deployment.ALL_AT_ONCE,
        status,
        null,
        null,
        null,
        null,
        OffsetDateTime.parse("2026-01-0" + day + "T00:00:00Z"),
        null);
  }

  private static Release release(String id, int day) {
    return new Release(
        id,
        "app",
        List.of(),
        null,
        null,
        null,
        OffsetDateTime.parse("2026-01-0" + day + "T00:00:00Z"),
        null);
  }
}
