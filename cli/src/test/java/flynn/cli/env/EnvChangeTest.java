package flynn.cli.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvChangeTest {
  static final ProcessType WEB =
      new ProcessType(
          List.of("server"),
          Map.of("PORT_NAME", "http"),
          null,
          null,
          true,
          null,
          "app-web",
          null,
          null,
          null,
          null,
          null,
          null);
  static final Release CURRENT =
      new Release(
          "r1",
          "app",
          List.of("a1"),
          Map.of("A", "1", "B", "2"),
          Map.of("git", "true"),
          Map.of("web", WEB),
          null,
          null);

  @Test
  void setsAndUnsetsOnACopyOfTheRelease() {
    Release next = EnvChange.apply(CURRENT, null, EnvChange.sets(List.of("C=x=y", "A=one")));
    Release after = EnvChange.apply(next, null, EnvChange.unsets(List.of("B", "missing")));

    assertThat(next.id()).isNull();
    assertThat(next.artifacts()).containsExactly("a1");
    assertThat(next.meta()).containsEntry("git", "true");
    assertThat(next.processes()).containsEntry("web", WEB);
    assertThat(after.env()).containsExactlyInAnyOrderEntriesOf(Map.of("A", "one", "C", "x=y"));
  }

  @Test
  void processEnvChangesOnlyThatProcess() {
    Release next = EnvChange.apply(CURRENT, "web", EnvChange.sets(List.of("X=1")));

    assertThat(next.env()).isEqualTo(CURRENT.env());
    ProcessType web = next.processes().get("web");
    assertThat(web.env()).containsExactlyInAnyOrderEntriesOf(Map.of("PORT_NAME", "http", "X", "1"));
    assertThat(web.args()).containsExactly("server");
    assertThat(web.omni()).isTrue();
    assertThat(EnvChange.visible(next, "web"))
        .containsExactlyEntriesOf(
            new java.util.TreeMap<>(Map.of("A", "1", "B", "2", "PORT_NAME", "http", "X", "1")));
  }

  @Test
  void appWithoutReleaseGetsAnEnvOnlyRelease() {
    Release next = EnvChange.apply(null, null, EnvChange.sets(List.of("A=1")));
    Release withProc = EnvChange.apply(null, "web", EnvChange.sets(List.of("A=1")));

    assertThat(next.env()).containsEntry("A", "1");
    assertThat(next.artifacts()).isNull();
    assertThat(withProc.processes().get("web").env()).containsEntry("A", "1");
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> EnvChange.sets(List.of("NOVALUE")))
        .hasMessage("invalid var format: \"NOVALUE\" (want KEY=VALUE)");
    assertThatThrownBy(() -> EnvChange.sets(List.of("=x"))).hasMessageContaining("=x");
    assertThatThrownBy(() -> EnvChange.apply(CURRENT, "worker", EnvChange.unsets(List.of("A"))))
        .hasMessage("process \"worker\" in release r1 not found");
  }
}
