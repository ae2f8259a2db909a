package flynn.host.runc;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.host.run.JobLimits;
import flynn.host.volumes.VolumeMount;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeMountSpecTest {
  private static ContainerPlan planWith(List<VolumeMount> volumes) {
    return new ContainerPlan(
        List.of("postgres"),
        null,
        Map.of(),
        "/",
        999,
        999,
        "flynn-0123456789",
        "/state/containers/flynn-0123456789/rootfs",
        "/var/run/netns/flynn-0123456789",
        "/state/containers/flynn-0123456789/resolv.conf",
        "/flynn/flynn-0123456789",
        JobLimits.defaults(),
        20000,
        null,
        volumes);
  }

  @Test
  void aVolumeIsBindMountedReadWriteAtItsTarget() {
    OciSpec spec =
        OciSpec.build(
            planWith(List.of(new VolumeMount(Path.of("/state/volumes/v1"), "/data", true))));

    assertThat(spec.mounts())
        .contains(
            new OciSpec.Mount(
                "/data", "bind", "/state/volumes/v1", List.of("rbind", "rw", "nosuid", "nodev")));
  }

  @Test
  void aReadOnlyBindingIsMountedReadOnly() {
    OciSpec spec =
        OciSpec.build(
            planWith(List.of(new VolumeMount(Path.of("/state/volumes/v2"), "/ro", false))));

    assertThat(spec.mounts())
        .filteredOn(m -> m.destination().equals("/ro"))
        .singleElement()
        .satisfies(m -> assertThat(m.options()).contains("ro").doesNotContain("rw"));
  }

  @Test
  void volumesComeAfterTheSystemMountsSoTheyAreNotHidden() {
    OciSpec spec =
        OciSpec.build(
            planWith(List.of(new VolumeMount(Path.of("/state/volumes/v3"), "/tmp/cache", true))));

    List<String> destinations = spec.mounts().stream().map(OciSpec.Mount::destination).toList();
    assertThat(destinations.indexOf("/tmp/cache")).isGreaterThan(destinations.indexOf("/tmp"));
  }

  @Test
  void aPlanWithoutVolumesMountsNone() {
    OciSpec spec = OciSpec.build(planWith(List.of()));

    assertThat(spec.mounts()).noneMatch(m -> m.source().startsWith("/state/volumes"));
  }
}
