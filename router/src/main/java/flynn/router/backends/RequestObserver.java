package flynn.router.backends;

import flynn.api.router.Route;
import java.util.List;

/**
 * Hears of every proxied request (and upgraded or TCP connection) as it reaches a backend and as it
 * ends: in-flight counts for draining, per-app metrics. Called on event loops, so it must not
 * block.
 *
 * <p>Contract: {@link #started} at most once per exchange, when a backend was reached; {@link
 * #completed} exactly once per exchange, with the backend of {@link #started} or null when none was
 * reached (404, 503).
 */
public interface RequestObserver {

  void started(Route route, Backend backend);

  void completed(Completed c);

  /**
   * How an exchange ended.
   *
   * @param route the matched route, null when none matched
   * @param backend the backend it reached, null when none
   * @param status the HTTP status sent to the client (499: the client went away; 0: a TCP
   *     connection)
   * @param bytesIn request body bytes from the client
   * @param bytesOut response body bytes to the client
   * @param nanos from the request's head to its end
   */
  record Completed(
      Route route, Backend backend, int status, long bytesIn, long bytesOut, long nanos) {}

  RequestObserver NONE =
      new RequestObserver() {
        @Override
        public void started(Route route, Backend backend) {}

        @Override
        public void completed(Completed c) {}
      };

  /** Tells each of {@code observers}, in order. */
  static RequestObserver all(List<RequestObserver> observers) {
    List<RequestObserver> copy = List.copyOf(observers);
    return new RequestObserver() {
      @Override
      public void started(Route route, Backend backend) {
        copy.forEach(o -> o.started(route, backend));
      }

      @Override
      public void completed(Completed c) {
        copy.forEach(o -> o.completed(c));
      }
    };
  }
}
