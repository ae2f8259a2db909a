package flynn.gitreceive.rollout;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.controller.Job;
import flynn.api.controller.JobState;
import flynn.gitreceive.push.PushFailedException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScaleAwaiterTest {
  private static final Map<String, Integer> WEB_1 = Map.of("web", 1);

  private static Job job(String release, String type, String state, Integer exit, String error) {
    return new Job(
        "h-1", "1", "h", "app", release, type, state, null, null, null, exit, error, null, null,
        null, null);
  }

  @Test
  void aNewWebJobThatExitsWithAnErrorFailsTheWaitWithItsStatus() {
    assertThatThrownBy(() ->
            ScaleAwaiter.failIfCrashed(job("new", "web", JobState.DOWN, 1, null), "new", WEB_1))
        .isInstanceOf(PushFailedException.class)
        .hasMessage("web exited with status 1");
  }

  @Test
  void aCrashReportFollowsTheExitStatus() {
    assertThatThrownBy(() ->
            ScaleAwaiter.failIfCrashed(
                job("new", "web", JobState.DOWN, 1, "listening\nError: boom"), "new", WEB_1))
        .hasMessage("web exited with status 1:\nlistening\nError: boom");
  }

  @Test
  void aJobTheHostCouldNotStartFailsTheWaitWithTheHostsError() {
    assertThatThrownBy(() ->
            ScaleAwaiter.failIfCrashed(
                job("new", "web", JobState.FAILED, null, "no such file"), "new", WEB_1))
        .hasMessage("web failed to start: no such file");
  }

  @Test
  void jobsOfOtherReleasesOrTypesAndJobsThatAreUpDoNotMatter() {
    assertThatCode(
            () -> {
              ScaleAwaiter.failIfCrashed(job("old", "web", JobState.DOWN, 1, null), "new", WEB_1);
              ScaleAwaiter.failIfCrashed(
                  job("new", "worker", JobState.DOWN, 1, null), "new", WEB_1);
              ScaleAwaiter.failIfCrashed(job("new", "web", JobState.UP, null, null), "new", WEB_1);
              ScaleAwaiter.failIfCrashed(job("new", "web", JobState.DOWN, 0, null), "new", WEB_1);
            })
        .doesNotThrowAnyException();
  }
}
