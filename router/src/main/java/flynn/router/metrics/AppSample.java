package flynn.router.metrics;

import java.util.List;

/**
 * One app's request metrics at a moment.
 *
 * @param app the app's id (from its route's {@code parent_ref}), "-" for requests no app route
 *     matched
 * @param byStatusClass requests by status class: index 0 for 1xx ... 4 for 5xx
 * @param bytesIn request body bytes received from clients
 * @param bytesOut response body bytes sent to clients
 * @param latency request durations
 */
public record AppSample(
    String app, List<Long> byStatusClass, long bytesIn, long bytesOut, LatencySample latency) {

  public AppSample {
    byStatusClass = List.copyOf(byStatusClass);
  }

  public long requests() {
    return byStatusClass.stream().mapToLong(Long::longValue).sum();
  }

  /**
   * A latency histogram: {@code cumulative.get(i)} requests took at most {@code
   * LatencySample.BOUNDS_SECONDS.get(i)}; {@code count} took any time.
   */
  public record LatencySample(List<Long> cumulative, long count, double sumSeconds) {
    public static final List<Double> BOUNDS_SECONDS =
        List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);

    public LatencySample {
      cumulative = List.copyOf(cumulative);
    }
  }
}
