package flynn.host.runc;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.host.run.JobLimits;
import flynn.host.run.OutputSink;
import flynn.host.run.RunningJob;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job's writable root is its temp disk: a tmpfs of the job's size, gone with the job. */
class TempDiskIT {
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
  void writingPastTheTempDiskFailsWithNoSpaceLeftOnDeviceAndTheDiskGoesWithTheJob()
      throws Exception {
    JobLimits limits = new JobLimits(256L << 20, 1000, 1000, 0, 8L << 20);
    RunningJob job =
        containers.start(
            "grep -q flynn /etc/hosts && echo hosts-ok;"
                + " dd if=/dev/zero of=/data/small bs=1M count=4 2>/dev/null && echo small-ok;"
                + " dd if=/dev/zero of=/data/big bs=1M count=16",
            limits,
            sink);

    assertThat(job.exit().get(20, TimeUnit.SECONDS)).isNotZero();
    assertThat(lines).contains("stdout:hosts-ok", "stdout:small-ok");
    assertThat(lines).anyMatch(line -> line.contains("No space left on device"));
    assertThat(containers.leftovers()).isEmpty();
  }

  @Test
  void aBuildJobsSeveralGigabyteTempDiskAndMemoryAreAcceptedAndSizeItsRoot() throws Exception {
    long fourGiB = 4L << 30;
    JobLimits build = new JobLimits(fourGiB, 1000, 1000, 0, fourGiB);

    RunningJob job = containers.start("df -k / | tail -n 1", build, sink);

    assertThat(job.exit().get(20, TimeUnit.SECONDS)).isZero();
    assertThat(lines)
        .as("the root's writable layer is a tmpfs of the job's temp_disk")
        .anyMatch(line -> line.matches("stdout:\\S+\\s+" + (fourGiB >> 10) + "\\s.*"));
  }
}
