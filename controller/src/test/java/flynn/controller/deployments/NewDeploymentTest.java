package flynn.controller.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.controller.App;
import flynn.api.controller.Deployment;
import flynn.api.controller.Formation;
import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.api.controller.VolumeReq;
import flynn.api.http.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewDeploymentTest {
  private static final App APP =
      new App(
          "a1",
          "demo",
          Map.of(Deployment.META_BATCH_SIZE, "3"),
          "one-by-one",
          "r1",
          30,
          null,
          null);

  private static Release release(String id, String app, String artifact) {
    return new Release(id, app, List.of(artifact), null, null, Map.of(), null, null);
  }

  private static Formation running(Map<String, Integer> processes) {
    return new Formation("a1", "r1", processes, null, null, null);
  }

  @Test
  void deploymentOfARunningAppIsPendingWithTheAppsSettingsAndTheOldFormation() {
    NewDeployment d =
        NewDeployment.of(
            "d1",
            APP,
            null,
            release("r2", "a1", "slug2"),
            release("r1", "a1", "slug1"),
            running(Map.of("web", 2)));

    assertThat(d.switchNow()).isFalse();
    assertThat(d.type()).isEqualTo(NewDeployment.CODE);
    assertThat(d.deployment())
        .extracting(
            Deployment::status,
            Deployment::oldRelease,
            Deployment::newRelease,
            Deployment::strategy,
            Deployment::processes,
            Deployment::deployTimeout,
            Deployment::deployBatchSize)
        .containsExactly("pending", "r1", "r2", "one-by-one", Map.of("web", 2), 30, 3);
  }

  @Test
  void appRunningNothingSwitchesAtOnce() {
    NewDeployment d =
        NewDeployment.of(
            "d1",
            APP,
            null,
            release("r2", "a1", "slug1"),
            release("r1", "a1", "slug1"),
            running(Map.of("web", 0)));

    assertThat(d.switchNow()).isTrue();
    assertThat(d.deployment().status()).isEqualTo(Deployment.COMPLETE);
    assertThat(d.type()).isEqualTo(NewDeployment.CONFIG);
  }

  @Test
  void currentReleaseIsCompleteAtOnce() {
    Release r1 = release("r1", "a1", "slug1");

    assertThat(NewDeployment.of("d1", APP, null, r1, r1, running(Map.of("web", 2))).switchNow())
        .isTrue();
  }

  @Test
  void releaseOfAnotherAppIsRefused() {
    assertThatThrownBy(
            () -> NewDeployment.of("d1", APP, null, release("r9", "other", "x"), null, null))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("belongs to another app");
  }

  @Test
  void unusableBatchSizeMeansNone() {
    App app =
        new App("a1", "demo", Map.of(Deployment.META_BATCH_SIZE, "x"), "", null, 30, null, null);

    assertThat(NewDeployment.batchSize(app)).isNull();
    assertThat(NewDeployment.strategy(app, null)).isEqualTo(Deployment.ALL_AT_ONCE);
  }

  @Test
  void strategyOfTheRequestOverridesTheAppsAndMustBeKnown() {
    assertThat(NewDeployment.strategy(APP, "in-batches")).isEqualTo("in-batches");
    assertThatThrownBy(() -> NewDeployment.strategy(APP, "sirenia"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("unknown deployment strategy sirenia");
  }

  @Test
  void aReleaseKeepingDataOnAVolumeDeploysOneDownOneUpWhateverWasAsked() {
    assertThat(NewDeployment.keepingVolumes(withVolume(null), "one-by-one"))
        .isEqualTo("one-down-one-up");
    assertThat(NewDeployment.keepingVolumes(withVolume(true), "one-by-one"))
        .as("a volume deleted on stop holds nothing to move")
        .isEqualTo("one-by-one");
    assertThat(NewDeployment.keepingVolumes(release("r2", "a1", "slug2"), "all-at-once"))
        .isEqualTo("all-at-once");
  }

  private static Release withVolume(Boolean deleteOnStop) {
    ProcessType db =
        ProcessType.of(List.of("db")).withVolumes(List.of(new VolumeReq("/data", deleteOnStop)));
    return new Release("r2", "a1", List.of("a"), null, null, Map.of("db", db), null, null);
  }
}
