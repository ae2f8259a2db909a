package flynn.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import flynn.api.controller.LogLine;
import flynn.api.host.ContainerConfig;
import flynn.api.host.HostClient;
import flynn.api.host.HostClient.LogQuery;
import flynn.api.host.HostEvent;
import flynn.api.host.HostJob;
import flynn.api.host.HostVolume;
import flynn.api.host.VolumeBinding;
import flynn.api.http.ApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Volumes on a real daemon with the process runner: kept across jobs and daemon restarts. */
class VolumesIT {
  private static final String KEY = "test-key";
  private static final String APP = "app1";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String VOLUME = "0b0c1d2e-3f40-4152-8364-758697a8b9c0";

  @TempDir Path stateDir;
  private HostDaemon daemon;
  private HostClient client;
  private Received<HostEvent> events;

  @AfterEach
  void tearDown() throws IOException {
    stopDaemon();
  }

  private void startDaemon() {
    daemon =
        new HostDaemon(
            new HostConfig("host1", stateDir, "127.0.0.1", 0, null, KEY),
            new ProcessRunner(),
            Duration.ofMillis(500));
    daemon.start();
    client = new HostClient(daemon.url(), KEY);
    events = new Received<>(client.streamEvents(), HostEvent.class);
  }

  private void stopDaemon() throws IOException {
    if (events != null) {
      events.close();
    }
    if (daemon != null) {
      daemon.close();
    }
  }

  private static HostJob job(String id, VolumeBinding volume, String script) {
    ContainerConfig config =
        new ContainerConfig(
                List.of("sh", "-c", script),
                null,
                null,
                Map.of(),
                List.of(),
                null,
                null,
                null,
                null,
                null)
            .withVolumes(List.of(volume));
    Map<String, String> meta = Map.of(HostJob.META_APP, APP, HostJob.META_TYPE, "db");
    return new HostJob(id, meta, null, null, config, null);
  }

  private static VolumeBinding data(String volume, boolean deleteOnStop) {
    return new VolumeBinding("/data", volume, true, deleteOnStop);
  }

  private void runToEnd(HostJob job) throws InterruptedException {
    client.addJob(job);
    events.next(e -> e.jobId().equals(job.id()) && e.event().equals(HostEvent.STOP), WAIT);
  }

  private List<String> logOf(String jobId) {
    return client.log(APP, new LogQuery(0, jobId, null)).stream().map(LogLine::msg).toList();
  }

  @Test
  void aFileWrittenToAVolumeIsSeenByTheNextJobAlsoAfterADaemonRestart() throws Exception {
    startDaemon();
    runToEnd(job("writer", data(VOLUME, false), "echo kept > data/greeting"));
    runToEnd(job("reader", data(VOLUME, false), "cat data/greeting"));
    await().atMost(WAIT).until(() -> logOf("reader").contains("kept"));

    stopDaemon();
    startDaemon();
    runToEnd(job("reader2", data(VOLUME, false), "cat data/greeting"));

    await().atMost(WAIT).until(() -> logOf("reader2").contains("kept"));
    assertThat(Files.readString(stateDir.resolve("volumes").resolve(VOLUME).resolve("greeting")))
        .isEqualTo("kept\n");
  }

  @Test
  void theVolumeListSaysWhatEachVolumeIsForAndWhichLiveJobUsesIt() throws Exception {
    startDaemon();
    client.addJob(job("holder", data(VOLUME, false), "exec sleep 1000"));
    events.next(e -> e.jobId().equals("holder") && e.event().equals(HostEvent.START), WAIT);

    HostVolume listed = client.listVolumes().getFirst();

    assertThat(listed.id()).isEqualTo(VOLUME);
    assertThat(listed.jobId()).isEqualTo("holder");
    assertThat(listed.meta())
        .containsEntry("app", APP)
        .containsEntry("type", "db")
        .containsEntry("path", "/data");
    assertThat(listed.createdAt()).isNotNull();
  }

  @Test
  void aVolumeInUseCannotBeDeletedNorAttachedToASecondJob() throws Exception {
    startDaemon();
    client.addJob(job("holder", data(VOLUME, false), "exec sleep 1000"));
    events.next(e -> e.jobId().equals("holder") && e.event().equals(HostEvent.START), WAIT);

    assertThatThrownBy(() -> client.deleteVolume(VOLUME))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
    assertThatThrownBy(() -> client.addJob(job("second", data(VOLUME, false), "true")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));

    client.stopJob("holder");
    client.deleteVolume(VOLUME);

    assertThat(client.listVolumes()).isEmpty();
    assertThat(stateDir.resolve("volumes").resolve(VOLUME)).doesNotExist();
  }

  @Test
  void aDeleteOnStopVolumeGoesWithItsJob() throws Exception {
    startDaemon();

    runToEnd(job("scratch", data(VOLUME, true), "echo x > data/f"));

    await().atMost(WAIT).until(() -> client.listVolumes().isEmpty());
    assertThat(stateDir.resolve("volumes").resolve(VOLUME)).doesNotExist();
  }

  @Test
  void aVolumeIdWithAPathIsRefused() {
    startDaemon();

    assertThatThrownBy(() -> client.addJob(job("evil", data("../jobs", false), "true")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThatThrownBy(() -> client.deleteVolume("..")).isInstanceOf(ApiException.class);
  }
}
