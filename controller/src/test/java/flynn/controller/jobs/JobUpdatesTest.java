package flynn.controller.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.controller.Job;
import flynn.api.controller.JobState;
import flynn.api.http.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobUpdatesTest {

  private static Job job(String state) {
    return new Job(
        null, "u1", "h1", "app", "rel", "web", state, null, null, null, null, null, null, null,
        null, null);
  }

  @ParameterizedTest(name = "{0} -> {1} accepted: {2}")
  @CsvSource({
    "starting, up, true",
    "up, down, true",
    "up, starting, true",
    "down, up, false",
    "crashed, starting, false",
    "down, failed, true",
  })
  void aJobThatWentDownStaysDown(String from, String to, boolean accepted) {
    assertThat(JobUpdates.apply("app", "u1", job(to), job(from)).isPresent()).isEqualTo(accepted);
  }

  @Test
  void idIsHostAndUuidWhenNotGiven() {
    assertThat(JobUpdates.apply("app", "u1", job(JobState.UP), null).orElseThrow().id())
        .isEqualTo("h1-u1");
  }

  @Test
  void unknownStateOrMismatchedUuidIsInvalid() {
    assertThatThrownBy(() -> JobUpdates.apply("app", "u1", job("running"), null))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> JobUpdates.apply("app", "u2", job(JobState.UP), null))
        .hasMessageContaining("u2");
  }

  @Test
  void aHostErrorQuotingBinaryOutputIsStoredWithoutNul() {
    assertThat(JobUpdates.storable("exit 1: a\0b")).isEqualTo("exit 1: ab");
    assertThat(JobUpdates.storable(null)).isNull();
  }
}
