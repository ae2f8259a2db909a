package flynn.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.controller.App;
import flynn.api.controller.Deployment;
import flynn.cli.CliException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploySettingsTest {
  private static final App APP =
      new App("a1", "demo", Map.of("owner", "me"), null, null, 120, null, null);

  @Test
  void batchSizeKeepsTheOtherMeta() {
    App changes = DeploySettings.batchSize(APP, "3");

    assertThat(changes.meta())
        .containsEntry("owner", "me")
        .containsEntry("flynn-deploy-batch-size", "3");
    assertThat(changes.strategy()).isNull();
    assertThat(changes.deployTimeout()).isNull();
  }

  @Test
  void anUnknownStrategyIsRefusedWithTheKnownOnes() {
    assertThat(DeploySettings.strategy("in-batches").strategy()).isEqualTo(Deployment.IN_BATCHES);
    assertThatThrownBy(() -> DeploySettings.strategy("rolling"))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("one-by-one");
  }

  @Test
  void timeoutMustBeAPositiveNumber() {
    assertThat(DeploySettings.timeout("150").deployTimeout()).isEqualTo(150);
    assertThatThrownBy(() -> DeploySettings.timeout("0")).isInstanceOf(CliException.class);
    assertThatThrownBy(() -> DeploySettings.timeout("soon")).isInstanceOf(CliException.class);
  }

  @Test
  void anUnsetBatchSizeReadsNotSet() {
    assertThat(DeploySettings.batchSizeOf(APP)).isEqualTo("not set");
  }
}
