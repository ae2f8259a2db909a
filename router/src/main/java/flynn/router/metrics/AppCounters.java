package flynn.router.metrics;

import flynn.router.metrics.AppSample.LatencySample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** One app's running totals; updated from any event loop without locks. */
final class AppCounters {
  private static final long[] BOUNDS_NANOS =
      LatencySample.BOUNDS_SECONDS.stream().mapToLong(s -> (long) (s * 1e9)).toArray();

  private final LongAdder[] byStatusClass = adders(5);
  private final LongAdder bytesIn = new LongAdder();
  private final LongAdder bytesOut = new LongAdder();
  private final LongAdder[] buckets = adders(BOUNDS_NANOS.length + 1);
  private final LongAdder sumNanos = new LongAdder();

  void record(int status, long in, long out, long nanos) {
    byStatusClass[Math.clamp(status / 100 - 1, 0, 4)].increment();
    bytesIn.add(in);
    bytesOut.add(out);
    buckets[bucket(nanos)].increment();
    sumNanos.add(nanos);
  }

  AppSample sample(String app) {
    List<Long> classes = Arrays.stream(byStatusClass).map(LongAdder::sum).toList();
    List<Long> cumulative = new ArrayList<>();
    long running = 0;
    for (int i = 0; i < BOUNDS_NANOS.length; i++) {
      running += buckets[i].sum();
      cumulative.add(running);
    }
    long count = running + buckets[BOUNDS_NANOS.length].sum();
    return new AppSample(
        app,
        classes,
        bytesIn.sum(),
        bytesOut.sum(),
        new LatencySample(cumulative, count, sumNanos.sum() / 1e9));
  }

  private static int bucket(long nanos) {
    int i = Arrays.binarySearch(BOUNDS_NANOS, nanos);
    return i >= 0 ? i : -i - 1;
  }

  private static LongAdder[] adders(int n) {
    LongAdder[] a = new LongAdder[n];
    Arrays.setAll(a, i -> new LongAdder());
    return a;
  }
}
