package flynn.api.controller;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeployProgressTest {
  @Test
  void aJobEventIsOneLineWithTypeAndState() {
    DeploymentEvent up = new DeploymentEvent("app", "d1", "r2", "running", "web", "up", null);

    assertThat(DeployProgress.line(up)).contains("-----> web job up");
  }

  @Test
  void aStatusEventHasNoJobLine() {
    DeploymentEvent complete = new DeploymentEvent("app", "d1", "r2", "complete", null, null, null);

    assertThat(DeployProgress.line(complete)).isEmpty();
  }

  @Test
  void aFailureSaysTheDeployersReasonOrNamesTheDeployment() {
    DeploymentEvent said =
        new DeploymentEvent("app", "d1", "r2", "failed", null, null, "web exited with status 1");
    DeploymentEvent silent = new DeploymentEvent("app", "d1", "r2", "failed", null, null, " ");

    assertThat(DeployProgress.failure(said)).isEqualTo("web exited with status 1");
    assertThat(DeployProgress.failure(silent)).isEqualTo("deployment d1 failed");
  }
}
