package flynn.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.controller.ProcessType;
import flynn.api.controller.Volume;
import flynn.api.controller.VolumeReq;
import flynn.api.host.VolumeBinding;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class JobVolumesTest {
  private static final OffsetDateTime NOW = OffsetDateTime.parse("2024-01-01T12:00:00Z");
  private static final OffsetDateTime EARLIER = NOW.minusDays(1);
  private static final String JOB = "h1-0b0c1d2e-3f40-4152-8364-758697a8b9c0";

  private static ProcessType withVolumes(VolumeReq... volumes) {
    return ProcessType.of(List.of("db")).withVolumes(List.of(volumes));
  }

  private static Supplier<String> ids() {
    AtomicInteger n = new AtomicInteger();
    return () -> "new-" + n.incrementAndGet();
  }

  private static JobVolumes.Owner owner() {
    return new JobVolumes.Owner("h1", "app", "rel", JOB, "db", NOW);
  }

  @Test
  void aGivenVolumeIsReattachedAndOtherPathsGetNewOnes() {
    Volume old =
        new Volume(
            "v1", "h1", "data", "created", "app", "rel-0", "h1-old", "db", "/data", false, null,
            EARLIER, EARLIER, null);
    ProcessType p = withVolumes(new VolumeReq("/data", null), new VolumeReq("/logs", false));

    List<Volume> claimed =
        JobVolumes.claim(p, Map.of("/data", "v1"), Map.of("v1", old), owner(), ids());

    assertThat(claimed)
        .extracting(Volume::id, Volume::path, Volume::job, Volume::release, Volume::createdAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("v1", "/data", JOB, "rel", EARLIER),
            org.assertj.core.groups.Tuple.tuple("new-1", "/logs", JOB, "rel", NOW));
    assertThat(claimed).allSatisfy(v -> assertThat(v.hostId()).isEqualTo("h1"));
  }

  @Test
  void deleteOnStopPathsAreNeitherRecordedNorReusedButBoundFreshAtEachLaunch() {
    ProcessType p = withVolumes(new VolumeReq("/data", null), new VolumeReq("/scratch", true));
    Volume data =
        new Volume(
            "v1", "h1", "data", "created", "app", "rel", JOB, "db", "/data", false, null, NOW, NOW,
            null);

    List<Volume> claimed = JobVolumes.claim(p, Map.of("/data", "v1"), Map.of(), owner(), ids());
    List<VolumeBinding> bindings = JobVolumes.bindings(p, List.of(data), ids());

    assertThat(claimed).extracting(Volume::path).containsExactly("/data");
    assertThat(bindings)
        .containsExactly(
            new VolumeBinding("/data", "v1", true, false),
            new VolumeBinding("/scratch", "new-1", true, true));
  }

  @Test
  void theDeprecatedDataFlagIsAVolumeAtData() {
    ProcessType p =
        new ProcessType(
            List.of("db"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            true,
            null);

    assertThat(JobVolumes.persistentPaths(p)).containsExactly("/data");
  }
}
