package flynn.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobIdsTest {
  private static final String UUID = "0f8e2a4c-5b6d-4e7f-8a9b-0c1d2e3f4a5b";

  @Test
  void uuidIsTheTailEvenWhenTheHostIdHasDashes() {
    assertThat(JobIds.uuidOf(JobIds.of("host-a-1", UUID))).contains(UUID);
  }

  @Test
  void idsWithoutAHostPartHaveNoUuid() {
    assertThat(JobIds.uuidOf(UUID)).isEmpty();
    assertThat(JobIds.uuidOf("short")).isEmpty();
    assertThat(JobIds.uuidOf(null)).isEmpty();
  }
}
