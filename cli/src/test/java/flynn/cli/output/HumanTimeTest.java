package flynn.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanTimeTest {
  @ParameterizedTest
  @CsvSource({
    "0, Less than a second",
    "1, 1 seconds",
    "59, 59 seconds",
    "90, About a minute",
    "300, 5 minutes",
    "3600, About an hour",
    "7200, 2 hours",
    "172800, 2 days",
    "1209600, 2 weeks",
    "7776000, 3 months",
    "63072000, 2 years"
  })
  void matchesGoUnitsHumanDuration(long seconds, String expected) {
    assertThat(HumanTime.duration(Duration.ofSeconds(seconds))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"2015-05-06T21:58:12Z, 2015-05-06T22:03:12Z, 5 minutes ago"})
  void agoIsRelativeToNow(String created, String now, String expected) {
    assertThat(HumanTime.ago(OffsetDateTime.parse(created), Instant.parse(now)))
        .isEqualTo(expected);
    assertThat(HumanTime.ago(null, Instant.parse(now))).isEmpty();
    assertThat(
            HumanTime.ago(
                OffsetDateTime.of(2015, 5, 6, 23, 58, 12, 0, ZoneOffset.ofHours(2)),
                Instant.parse(now)))
        .isEqualTo(expected);
  }
}
