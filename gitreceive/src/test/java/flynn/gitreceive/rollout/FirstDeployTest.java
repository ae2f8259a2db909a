package flynn.gitreceive.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirstDeployTest {
  static final ProcessType P =
      new ProcessType(null, null, null, null, null, null, null, null, null, null, null, null, null);

  static Release with(String... types) {
    Map<String, ProcessType> processes = new java.util.HashMap<>();
    for (String t : types) {
      processes.put(t, P);
    }
    return new Release("r", "a", null, null, null, processes, null, null);
  }

  @Test
  void anAppRunningNothingWithAWebTypeScalesWeb() {
    assertThat(FirstDeploy.scalesWeb(with("web"), Map.of())).isTrue();
    assertThat(FirstDeploy.scalesWeb(with("web"), Map.of("web", 0))).isTrue();
  }

  @Test
  void aRunningAppOrOneWithoutWebDoesNot() {
    assertThat(FirstDeploy.scalesWeb(with("web"), Map.of("web", 2))).isFalse();
    assertThat(FirstDeploy.scalesWeb(with("worker"), Map.of())).isFalse();
  }
}
