package flynn.host.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountsTest {
  private static final List<String> MOUNTINFO =
      List.of(
          "22 1 254:0 / / rw,relatime - ext4 /dev/vda rw",
          "90 22 0:50 / /s/.build-run-1/merged rw,relatime - overlay overlay"
              + " rw,lowerdir=/s/base/rootfs,upperdir=/s/.build-run-1/rootfs,workdir=/s/.build-run-1/work",
          "91 90 0:51 / /s/.build-run-1/merged/proc rw - proc proc rw",
          "92 90 0:5 / /s/.build-run-1/merged/dev rw - devtmpfs udev rw",
          "93 22 0:52 / /var/lib/flynn/runc/containers/flynn-a/rootfs rw - overlay overlay"
              + " rw,lowerdir=/s/run/rootfs:/s/base/rootfs,upperdir=/u,workdir=/w");

  @Test
  void mountsOfAKilledBuildAreUnmountedDeepestFirst() {
    assertThat(Mounts.under(Path.of("/s/.build-run-1"), MOUNTINFO))
        .containsExactly(
            Path.of("/s/.build-run-1/merged/proc"),
            Path.of("/s/.build-run-1/merged/dev"),
            Path.of("/s/.build-run-1/merged"));
    assertThat(Mounts.under(Path.of("/s/.build-base-2"), MOUNTINFO)).isEmpty();
  }

  @Test
  void aLayerUnderARunningContainersRootIsInUse() {
    assertThat(Mounts.isLowerDir(Path.of("/s/run/rootfs"), MOUNTINFO)).isTrue();
    assertThat(Mounts.isLowerDir(Path.of("/s/base/rootfs"), MOUNTINFO)).isTrue();
    assertThat(Mounts.isLowerDir(Path.of("/s/build/rootfs"), MOUNTINFO)).isFalse();
    assertThat(Mounts.isLowerDir(Path.of("/s/run"), MOUNTINFO)).isFalse();
  }
}
