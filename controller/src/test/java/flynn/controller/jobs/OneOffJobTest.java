package flynn.controller.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.controller.App;
import flynn.api.controller.NewJob;
import flynn.api.controller.Release;
import flynn.api.host.HostJob;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OneOffJobTest {
  private static final App APP = new App("app-id", "demo", Map.of(), null, null, null, null, null);
  private static final Release RELEASE =
      new Release(
          "rel-id",
          "app-id",
          List.of("a"),
          Map.of("DB", "x", "A", "release"),
          null,
          null,
          null,
          null);

  private static NewJob run(Boolean releaseEnv, Map<String, String> env) {
    return new NewJob(
        "rel-id",
        null,
        releaseEnv,
        List.of("bash"),
        env,
        Map.of("m", "1"),
        true,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void hostJobCarriesIdMetadataArgsAndEnv() {
    HostJob job = OneOffJob.hostJob(APP, RELEASE, run(true, Map.of("A", "request")), "host1", "u1");

    assertThat(job.id()).isEqualTo("host1-u1");
    assertThat(job.metadata())
        .containsEntry(HostJob.META_APP, "app-id")
        .containsEntry(HostJob.META_APP_NAME, "demo")
        .containsEntry(HostJob.META_RELEASE, "rel-id")
        .containsEntry("m", "1")
        .doesNotContainKey(HostJob.META_TYPE);
    assertThat(job.config().args()).containsExactly("bash");
    assertThat(job.config().env())
        .containsEntry("DB", "x")
        .containsEntry("A", "request")
        .containsEntry("FLYNN_APP_ID", "app-id")
        .containsEntry("FLYNN_APP_NAME", "demo")
        .containsEntry("FLYNN_RELEASE_ID", "rel-id")
        .containsEntry("FLYNN_JOB_ID", "host1-u1");
  }

  @Test
  void releaseEnvIsLeftOutOnlyWhenRefused() {
    assertThat(OneOffJob.hostJob(APP, RELEASE, run(null, null), "h", "u").config().env())
        .containsKey("DB");
    assertThat(OneOffJob.hostJob(APP, RELEASE, run(false, null), "h", "u").config().env())
        .doesNotContainKey("DB");
  }
}
