package flynn.router.metrics;

import flynn.router.metrics.AppSample.LatencySample;
import java.util.List;
import java.util.Locale;

/** Renders app samples in Prometheus' text exposition format (version 0.0.4). */
public final class PrometheusText {
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final List<String> CLASSES = List.of("1xx", "2xx", "3xx", "4xx", "5xx");

  private PrometheusText() {}

  public static String render(List<AppSample> samples) {
    StringBuilder out = new StringBuilder();
    header(out, "flynn_router_requests_total", "counter", "HTTP requests by app and status class");
    for (AppSample s : samples) {
      for (int i = 0; i < CLASSES.size(); i++) {
        line(
            out,
            "flynn_router_requests_total",
            labels(s, "status", CLASSES.get(i)),
            s.byStatusClass().get(i));
      }
    }
    header(out, "flynn_router_request_bytes_total", "counter", "Request body bytes from clients");
    samples.forEach(s -> line(out, "flynn_router_request_bytes_total", app(s), s.bytesIn()));
    header(out, "flynn_router_response_bytes_total", "counter", "Response body bytes to clients");
    samples.forEach(s -> line(out, "flynn_router_response_bytes_total", app(s), s.bytesOut()));
    header(out, "flynn_router_request_duration_seconds", "histogram", "Request latency");
    samples.forEach(s -> histogram(out, s));
    return out.toString();
  }

  private static void histogram(StringBuilder out, AppSample s) {
    String name = "flynn_router_request_duration_seconds";
    LatencySample l = s.latency();
    for (int i = 0; i < LatencySample.BOUNDS_SECONDS.size(); i++) {
      String le = number(LatencySample.BOUNDS_SECONDS.get(i));
      line(out, name + "_bucket", labels(s, "le", le), l.cumulative().get(i));
    }
    line(out, name + "_bucket", labels(s, "le", "+Inf"), l.count());
    out.append(name).append("_sum").append(app(s)).append(' ').append(number(l.sumSeconds()));
    out.append('\n');
    line(out, name + "_count", app(s), l.count());
  }

  private static void header(StringBuilder out, String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void line(StringBuilder out, String name, String labels, long value) {
    out.append(name).append(labels).append(' ').append(value).append('\n');
  }

  private static String app(AppSample s) {
    return "{app=\"" + escape(s.app()) + "\"}";
  }

  private static String labels(AppSample s, String name, String value) {
    return "{app=\"" + escape(s.app()) + "\"," + name + "=\"" + value + "\"}";
  }

  private static String number(double d) {
    return String.format(Locale.ROOT, "%s", d);
  }

  private static String escape(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
