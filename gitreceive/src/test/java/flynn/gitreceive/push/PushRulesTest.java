package flynn.gitreceive.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PushRulesTest {
  static RefChange update(String ref) {
    return new RefChange(ref, false);
  }

  @Test
  void mainAndMasterDeploy() {
    assertThat(PushRules.plan(List.of(update("refs/heads/main"))).deploy())
        .contains(update("refs/heads/main"));
    assertThat(PushRules.plan(List.of(update("refs/heads/master"))).deploy())
        .contains(update("refs/heads/master"));
  }

  @Test
  void anotherBranchIsRefusedWithTheCommandThatPushesItAsMain() {
    PushRules.Plan plan = PushRules.plan(List.of(update("refs/heads/feature/x")));

    assertThat(plan.deploy()).isEmpty();
    assertThat(plan.refusals().get(update("refs/heads/feature/x")))
        .isEqualTo("only main or master deploys; push it as main: git push flynn feature/x:main");
  }

  @Test
  void deletesAreRefused() {
    RefChange delete = new RefChange("refs/heads/main", true);

    PushRules.Plan plan = PushRules.plan(List.of(delete));

    assertThat(plan.deploy()).isEmpty();
    assertThat(plan.refusals()).containsKey(delete);
  }

  @Test
  void tagsAreKeptWithoutADeploy() {
    PushRules.Plan plan =
        PushRules.plan(List.of(update("refs/tags/v1"), update("refs/heads/main")));

    assertThat(plan.refusals()).isEmpty();
    assertThat(plan.deploy()).contains(update("refs/heads/main"));
  }

  @Test
  void mainAndMasterAtOnceDeployOnlyTheFirst() {
    PushRules.Plan plan =
        PushRules.plan(List.of(update("refs/heads/main"), update("refs/heads/master")));

    assertThat(plan.deploy()).contains(update("refs/heads/main"));
    assertThat(plan.refusals()).containsOnlyKeys(update("refs/heads/master"));
  }
}
