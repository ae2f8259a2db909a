package flynn.host.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.host.ContainerConfig;
import flynn.api.host.HostJob;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobLabelsTest {
  private static HostJob job(Map<String, String> meta, Map<String, String> env) {
    ContainerConfig config =
        new ContainerConfig(List.of("true"), null, null, env, null, null, null, null, null, null);
    return new HostJob("j1", meta, null, null, config, null);
  }

  @Test
  void theControllersMetadataNamesAppReleaseAndType() {
    JobLabels labels =
        JobLabels.of(
            job(
                Map.of(
                    HostJob.META_APP, "app1",
                    HostJob.META_RELEASE, "rel1",
                    HostJob.META_TYPE, "web"),
                Map.of("FLYNN_APP_ID", "other")));

    assertThat(labels).isEqualTo(new JobLabels("j1", "app1", "rel1", "web"));
    assertThat(labels.instanceMeta())
        .isEqualTo(
            Map.of(
                "FLYNN_APP_ID", "app1",
                "FLYNN_RELEASE_ID", "rel1",
                "FLYNN_PROCESS_TYPE", "web",
                "FLYNN_JOB_ID", "j1"));
  }

  @Test
  void withoutMetadataTheEnvNamesThem() {
    JobLabels labels =
        JobLabels.of(job(null, Map.of("FLYNN_APP_ID", "app1", "FLYNN_PROCESS_TYPE", "worker")));

    assertThat(labels).isEqualTo(new JobLabels("j1", "app1", null, "worker"));
    assertThat(labels.logName()).isEqualTo("app1");
  }

  @Test
  void aJobWithoutAnAppLogsUnderItsOwnId() {
    JobLabels labels = JobLabels.of(job(null, null));

    assertThat(labels.logName()).isEqualTo("j1");
    assertThat(labels.instanceMeta()).isEqualTo(Map.of("FLYNN_JOB_ID", "j1"));
  }
}
