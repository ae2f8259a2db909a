package flynn.controller.status;

import flynn.http.Responses;
import io.helidon.webserver.http.HttpRouting;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /ping} and {@code GET /.well-known/status} (healthy while the database answers). */
public final class StatusHandler {
  private static final Logger LOG = LoggerFactory.getLogger(StatusHandler.class);

  private final Jdbi jdbi;

  public StatusHandler(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void routes(HttpRouting.Builder r) {
    r.get("/ping", (req, res) -> res.status(200).send());
    r.get(
        "/.well-known/status",
        (req, res) -> {
          boolean healthy = databaseAnswers();
          Responses.json(
              res,
              healthy ? 200 : 503,
              Map.of("data", Map.of("status", healthy ? "healthy" : "unhealthy")));
        });
  }

  private boolean databaseAnswers() {
    try {
      return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      LOG.warn("status check failed error={}", e.getMessage());
      return false;
    }
  }
}
