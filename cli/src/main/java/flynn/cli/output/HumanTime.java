package flynn.cli.output;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** "5 minutes ago", as Flynn prints creation times (docker/go-units' HumanDuration). */
public final class HumanTime {
  private HumanTime() {}

  public static String ago(OffsetDateTime time, Instant now) {
    if (time == null) {
      return "";
    }
    return duration(Duration.between(time.toInstant(), now)) + " ago";
  }

  static String duration(Duration d) {
    long seconds = d.toSeconds();
    long minutes = d.toMinutes();
    long hours = d.toHours();
    if (seconds < 1) {
      return "Less than a second";
    } else if (seconds < 60) {
      return seconds + " seconds";
    } else if (minutes == 1) {
      return "About a minute";
    } else if (minutes < 60) {
      return minutes + " minutes";
    } else if (hours == 1) {
      return "About an hour";
    } else if (hours < 48) {
      return hours + " hours";
    } else if (hours < 24 * 7 * 2) {
      return hours / 24 + " days";
    } else if (hours < 24 * 30 * 3) {
      return hours / 24 / 7 + " weeks";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 / 30 + " months";
    }
    return hours / 24 / 365 + " years";
  }
}
