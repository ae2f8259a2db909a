package flynn.gitreceive.release;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.api.host.ResourceSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlugReleaseTest {
  static List<String> args(String command) {
    return List.of("sh", "-c", command);
  }

  @Test
  void webGetsAPortAndAServiceAndEveryTypeRunsItsCommand() {
    Release r =
        SlugRelease.of(
            "app-id",
            "demo",
            "run-stack",
            "slug",
            "abc",
            null,
            Map.of("web", "npm start", "worker", "node worker.js"),
            SlugReleaseTest::args);

    assertThat(r.artifacts()).containsExactly("run-stack", "slug");
    assertThat(r.meta()).containsEntry("git", "true").containsEntry("git.commit", "abc");
    ProcessType web = r.processes().get("web");
    assertThat(web.args()).containsExactly("sh", "-c", "npm start");
    assertThat(web.ports())
        .singleElement()
        .satisfies(p -> {
          assertThat(p.port()).isEqualTo(8080);
          assertThat(p.service().name()).isEqualTo("demo-web");
          assertThat(p.service().create()).isTrue();
          assertThat(p.service().check().type()).isEqualTo("tcp");
        });
    assertThat(r.processes().get("worker").ports()).isNull();
  }

  @Test
  void envAndLimitsCarryOverFromThePreviousRelease() {
    ProcessType oldWeb =
        new ProcessType(
            List.of("old"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Map.of("memory", ResourceSpec.of(512L << 20)),
            null,
            null,
            null,
            null);
    Release previous =
        new Release(
            "r1",
            "app-id",
            List.of(),
            Map.of("DB", "x"),
            Map.of("owner", "me"),
            Map.of("web", oldWeb),
            null,
            null);

    Release r =
        SlugRelease.of(
            "app-id",
            "demo",
            "run",
            "slug",
            "def",
            previous,
            Map.of("web", "./server"),
            SlugReleaseTest::args);

    assertThat(r.env()).containsEntry("DB", "x");
    assertThat(r.meta()).containsEntry("owner", "me").containsEntry("git.commit", "def");
    assertThat(r.processes().get("web").resources()).containsKey("memory");
    assertThat(r.processes().get("web").args()).containsExactly("sh", "-c", "./server");
  }
}
