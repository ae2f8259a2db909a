package flynn.host.runc;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.host.run.OutputSink;
import flynn.host.run.RunningJob;
import flynn.host.volumes.VolumeMount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A volume in a real container: the app user writes to it, the next container reads it. */
class VolumeMountIT {
  @TempDir Path temp;
  private ContainerFixture containers;
  private final Queue<String> lines = new ConcurrentLinkedQueue<>();
  private final OutputSink sink = (stream, line) -> lines.add(stream.wire() + ":" + line);

  @BeforeEach
  void setUp() throws Exception {
    containers = ContainerFixture.create(temp);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (containers != null) {
      containers.close();
    }
  }

  @Test
  void theAppUserWritesToItsVolumeAndTheNextContainerReadsIt() throws Exception {
    Path volume = Files.createDirectories(temp.resolve("volumes/v1"));
    List<VolumeMount> mounts = List.of(new VolumeMount(volume, "/vol", true));

    RunningJob writer = containers.start("echo kept > /vol/greeting && echo wrote", mounts, sink);
    assertThat(writer.exit().get(20, TimeUnit.SECONDS)).isZero();
    RunningJob reader = containers.start("cat /vol/greeting", mounts, sink);
    assertThat(reader.exit().get(20, TimeUnit.SECONDS)).isZero();

    assertThat(lines).contains("stdout:wrote", "stdout:kept");
    assertThat(Files.readString(volume.resolve("greeting"))).isEqualTo("kept\n");
    assertThat(Files.getAttribute(volume.resolve("greeting"), "unix:uid"))
        .isEqualTo(RuncConfig.APP_UID);
    assertThat(containers.leftovers()).isEmpty();
  }
}
