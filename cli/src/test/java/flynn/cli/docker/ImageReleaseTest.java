package flynn.cli.docker;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.controller.ImageManifest;
import flynn.api.controller.ImageManifest.ImageLayer;
import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageReleaseTest {
  private static final String SHA = "ab".repeat(32);

  private static LocalImage image(String user) {
    return new LocalImage(
        List.of(new LocalLayer(Path.of("l"), SHA, 42, ImageLayer.TYPE_OCI_TAR_GZIP)),
        new ImageConfig(
            List.of("/bin/busybox", "sh", "-c"),
            List.of("httpd -f"),
            List.of("PATH=/bin", "MODE=image", "BROKEN"),
            "/www",
            user));
  }

  @Test
  void manifestHasTheLayersAndTheDefaultEntrypoint() {
    ImageManifest m = ImageRelease.manifest(image("1000:2000"));

    assertThat(m.rootfs().get(0).layers())
        .singleElement()
        .satisfies(l -> assertThat(l.hashes()).containsEntry("sha256", SHA));
    var e = m.defaultEntrypoint();
    assertThat(e.args()).containsExactly("/bin/busybox", "sh", "-c", "httpd -f");
    assertThat(e.workingDir()).isEqualTo("/www");
    assertThat(e.env()).containsEntry("PATH", "/bin").doesNotContainKey("BROKEN");
    assertThat(e.uid()).isEqualTo(1000);
    assertThat(e.gid()).isEqualTo(2000);
  }

  @Test
  void rootOrNamedUsersRunAsTheAppUser() {
    for (String user : new String[] {"0", "root", "0:0", "", "www-data"}) {
      assertThat(ImageRelease.manifest(image(user)).defaultEntrypoint().uid()).isNull();
    }
  }

  @Test
  void firstPushMakesAnAppProcessWithAWebService() {
    ImageManifest m = ImageRelease.manifest(image(null));

    Release r = ImageRelease.next("demo", null, "art1", m);

    assertThat(r.artifacts()).containsExactly("art1");
    ProcessType app = r.processes().get("app");
    assertThat(app.args()).containsExactly("/bin/busybox", "sh", "-c", "httpd -f");
    assertThat(app.service()).isEqualTo("demo-web");
    assertThat(app.ports()).singleElement().satisfies(p -> assertThat(p.port()).isEqualTo(8080));
    assertThat(r.env()).containsEntry("MODE", "image");
  }

  @Test
  void laterPushKeepsOtherProcessesAndEnvSetByTheUser() {
    ProcessType worker = ProcessType.of(List.of("work"));
    Release previous =
        new Release(
            "r1",
            "app1",
            List.of("old"),
            Map.of("MODE", "user-set"),
            Map.of("k", "v"),
            Map.of("worker", worker),
            null,
            null);

    Release r = ImageRelease.next("demo", previous, "art2", ImageRelease.manifest(image(null)));

    assertThat(r.processes()).containsKeys("app", "worker");
    assertThat(r.env()).containsEntry("MODE", "user-set").containsEntry("PATH", "/bin");
    assertThat(r.meta()).containsEntry("k", "v");
  }
}
