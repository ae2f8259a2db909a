package flynn.controller.logs;

import flynn.api.Json;
import flynn.api.controller.App;
import flynn.api.controller.LogChunk;
import flynn.api.controller.LogLine;
import flynn.api.host.HostClient;
import flynn.controller.apps.AppLookup;
import flynn.controller.cluster.Hosts;
import flynn.controller.web.Params;
import flynn.http.SseResponse;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /apps/:id/log}: newline-delimited JSON lines, or SSE chunks with {@code Accept:
 * text/event-stream}; with {@code follow=true} new lines keep coming until the client leaves.
 */
public final class LogHandler {
  private final AppLookup apps;
  private final LogService logs;
  private final Duration keepAlive;
  private final BooleanSupplier stopping;

  public LogHandler(AppLookup apps, LogService logs, Duration keepAlive, BooleanSupplier stopping) {
    this.apps = apps;
    this.logs = logs;
    this.keepAlive = keepAlive;
    this.stopping = stopping;
  }

  public void routes(HttpRouting.Builder r) {
    r.get("/apps/{app}/log", this::log);
  }

  /** One way of writing lines to the client. */
  private interface Writer extends AutoCloseable {
    void line(LogLine line) throws IOException;

    void idle() throws IOException;

    void end() throws IOException;

    @Override
    void close() throws IOException;
  }

  private void log(ServerRequest req, ServerResponse res) throws Exception {
    App app = apps.require(Params.path(req, "app"));
    HostClient.LogQuery query =
        new HostClient.LogQuery(
            Params.intQuery(req, "lines", 0),
            Params.query(req, "job_id").orElse(null),
            Params.query(req, "process_type").orElse(null));
    boolean follow = Params.flag(req, "follow");
    List<Hosts.Host> hosts = logs.hosts();
    LogService.History history = logs.history(hosts, app.id(), query);
    try (Writer out = SseResponse.wanted(req) ? sse(res) : plain(res)) {
      for (LogLine line : history.lines()) {
        out.line(line);
      }
      if (follow) {
        follow(out, logs.follow(hosts, app.id(), query, history));
      } else {
        out.end();
      }
    } catch (IOException e) {
      // the client went away: the log is over
    }
  }

  private void follow(Writer out, LogFollow follow) throws IOException, InterruptedException {
    try (follow) {
      while (!stopping.getAsBoolean()) {
        LogLine line = follow.poll(keepAlive);
        if (line == null) {
          out.idle();
        } else {
          out.line(line);
        }
      }
    }
  }

  private static Writer sse(ServerResponse res) throws IOException {
    SseResponse sse = new SseResponse(res);
    sse.open();
    return new Writer() {
      @Override
      public void line(LogLine line) throws IOException {
        sse.send(null, null, LogChunk.message(line));
      }

      @Override
      public void idle() throws IOException {
        sse.keepAlive();
      }

      @Override
      public void end() throws IOException {
        sse.send(null, null, LogChunk.eof());
      }

      @Override
      public void close() throws IOException {
        sse.close();
      }
    };
  }

  private static Writer plain(ServerResponse res) {
    res.header(HeaderNames.CONTENT_TYPE, "text/plain");
    OutputStream os = res.outputStream();
    return new Writer() {
      @Override
      public void line(LogLine line) throws IOException {
        os.write((Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8));
        os.flush();
      }

      @Override
      public void idle() throws IOException {
        os.write('\n');
        os.flush();
      }

      @Override
      public void end() {}

      @Override
      public void close() throws IOException {
        os.close();
      }
    };
  }
}
