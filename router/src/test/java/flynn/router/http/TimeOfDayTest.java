package flynn.router.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeOfDayTest {
  @Test
  void writesHoursMinutesSecondsAndMillisInItsZone() {
    assertThat(text(new TimeOfDay(ZoneOffset.UTC), 3_723_004L)).isEqualTo("01:02:03.004");
    assertThat(text(new TimeOfDay(ZoneId.of("Europe/Paris")), 3_723_004L))
        .isEqualTo("02:02:03.004");
  }

  @Test
  void aNewSecondIsFormattedAfresh() {
    TimeOfDay time = new TimeOfDay(ZoneOffset.UTC);
    assertThat(text(time, 59_999)).isEqualTo("00:00:59.999");
    assertThat(text(time, 60_000)).isEqualTo("00:01:00.000");
    assertThat(text(time, 60_120)).isEqualTo("00:01:00.120");
    assertThat(text(time, -1)).isEqualTo("23:59:59.999");
  }

  private static String text(TimeOfDay time, long epochMillis) {
    StringBuilder out = new StringBuilder();
    time.appendTo(out, epochMillis);
    return out.toString();
  }
}
