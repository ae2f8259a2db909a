package flynn.host.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.host.ActiveJob;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DownJobsTest {
  private static final OffsetDateTime T0 =
      OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private static ActiveJob down(String id, String app, int second) {
    ActiveJob created = JobStates.created(JobStatesTest.job(id, app), "h1", T0);
    return JobStates.exited(created, 1, false, T0.plusSeconds(second));
  }

  @Test
  void forgetsTheOldestStoppedJobsOfAnAppBeyondTheLimit() {
    List<ActiveJob> jobs =
        List.of(down("a", "app1", 1), down("b", "app1", 3), down("c", "app1", 2));

    assertThat(DownJobs.toForget(jobs, 2)).containsExactly("a");
  }

  @Test
  void countsEachAppSeparatelyAndNeverForgetsRunningJobs() {
    List<ActiveJob> jobs = new ArrayList<>();
    jobs.add(down("a", "app1", 1));
    jobs.add(down("b", "app2", 2));
    jobs.add(JobStates.created(JobStatesTest.job("r", "app1"), "h1", T0));

    assertThat(DownJobs.toForget(jobs, 1)).isEmpty();
  }
}
