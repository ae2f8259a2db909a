package flynn.router.api;

import flynn.router.metrics.AppMetrics;
import flynn.router.metrics.PrometheusText;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code GET /metrics}: per-app request metrics in Prometheus' text format. */
final class MetricsApi implements HttpService {
  private final AppMetrics metrics;

  MetricsApi(AppMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/", this::metrics);
  }

  private void metrics(ServerRequest req, ServerResponse res) {
    res.header(HeaderNames.CONTENT_TYPE, PrometheusText.CONTENT_TYPE);
    res.send(PrometheusText.render(metrics.samples()));
  }
}
