package flynn.router.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.router.Route;
import flynn.router.backends.Backend;
import flynn.router.backends.RequestObserver.Completed;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  private static final Route DEMO =
      Route.http("demo.localhost", null, "demo-web").withParentRef("controller/apps/a1");
  private static final Backend B = new Backend("demo-web", "10.0.0.1:5000", "demo", "j1");

  @Test
  void countsRequestsByAppAndStatusClassWithBytesAndLatency() {
    AppMetrics metrics = new AppMetrics();
    metrics.completed(new Completed(DEMO, B, 200, 10, 100, 3_000_000));
    metrics.completed(new Completed(DEMO, B, 204, 0, 0, 700_000_000));
    metrics.completed(new Completed(DEMO, null, 503, 0, 5, 1_000_000));
    metrics.completed(new Completed(null, null, 404, 0, 0, 1_000_000));

    String text = PrometheusText.render(metrics.samples());

    assertThat(text)
        .contains("flynn_router_requests_total{app=\"a1\",status=\"2xx\"} 2\n")
        .contains("flynn_router_requests_total{app=\"a1\",status=\"5xx\"} 1\n")
        .contains("flynn_router_requests_total{app=\"-\",status=\"4xx\"} 1\n")
        .contains("flynn_router_request_bytes_total{app=\"a1\"} 10\n")
        .contains("flynn_router_response_bytes_total{app=\"a1\"} 105\n")
        .contains("flynn_router_request_duration_seconds_bucket{app=\"a1\",le=\"0.005\"} 2\n")
        .contains("flynn_router_request_duration_seconds_bucket{app=\"a1\",le=\"0.5\"} 2\n")
        .contains("flynn_router_request_duration_seconds_bucket{app=\"a1\",le=\"1.0\"} 3\n")
        .contains("flynn_router_request_duration_seconds_bucket{app=\"a1\",le=\"+Inf\"} 3\n")
        .contains("flynn_router_request_duration_seconds_count{app=\"a1\"} 3\n")
        .contains("# TYPE flynn_router_request_duration_seconds histogram\n");
  }

  @Test
  void tcpConnectionsAreNotCountedAsRequests() {
    AppMetrics metrics = new AppMetrics();
    metrics.completed(new Completed(DEMO, B, 0, 0, 0, 1));
    assertThat(metrics.samples()).isEmpty();
  }

  @Test
  void labelValuesAreEscaped() {
    AppMetrics metrics = new AppMetrics();
    metrics.completed(
        new Completed(DEMO.withParentRef("controller/apps/a\"b"), null, 200, 0, 0, 1));
    assertThat(PrometheusText.render(metrics.samples())).contains("{app=\"a\\\"b\",");
  }
}
