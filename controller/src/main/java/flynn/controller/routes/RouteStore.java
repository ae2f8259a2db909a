package flynn.controller.routes;

import flynn.api.router.Certificate;
import flynn.api.router.Route;
import flynn.controller.db.Ids;
import flynn.controller.db.Rows;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for routes and their certificates. */
public final class RouteStore {
  /** Held to commit by every route change, so checks across routes see a stable table. */
  private static final long ROUTES_LOCK = 0x466c796e6e5274L;

  private static final String HTTP_SELECT =
      """
      SELECT r.route_id::text AS route_id, r.parent_ref, r.service, r.domain, r.path, r.leader,
             r.sticky, r.drain_backends, r.disable_keep_alives, r.https_redirect,
             r.created_at, r.updated_at,
             c.certificate_id::text AS certificate_id, c.cert, c.key,
             c.created_at AS cert_created_at, c.updated_at AS cert_updated_at
      FROM http_routes r LEFT JOIN certificates c ON c.certificate_id = r.certificate_id
      """;
  private static final String TCP_SELECT =
      """
      SELECT route_id::text AS route_id, parent_ref, service, port, leader, drain_backends,
             created_at, updated_at
      FROM tcp_routes
      """;

  private final Handle h;

  public RouteStore(Handle h) {
    this.h = h;
  }

  /** Serialises route changes until the transaction ends. */
  public void lock() {
    h.createQuery("SELECT pg_advisory_xact_lock(:k)").bind("k", ROUTES_LOCK).mapToMap().list();
  }

  public Optional<Route> find(String type, String id) {
    Optional<String> uuid = Ids.parse(id);
    if (uuid.isEmpty()) {
      return Optional.empty();
    }
    return switch (type) {
      case Route.HTTP ->
          h.createQuery(HTTP_SELECT + " WHERE r.route_id = CAST(:id AS uuid)")
              .bind("id", uuid.get())
              .map(RouteStore::http)
              .findOne();
      case Route.TCP ->
          h.createQuery(TCP_SELECT + " WHERE route_id = CAST(:id AS uuid)")
              .bind("id", uuid.get())
              .map(RouteStore::tcp)
              .findOne();
      default -> Optional.empty();
    };
  }

  /** Routes under {@code parentRef} (all routes when null), newest first as Flynn lists them. */
  public List<Route> list(String parentRef) {
    List<Route> routes = new ArrayList<>();
    routes.addAll(
        h.createQuery(
                HTTP_SELECT + " WHERE (CAST(:parent AS text) IS NULL OR r.parent_ref = :parent)")
            .bind("parent", parentRef)
            .map(RouteStore::http)
            .list());
    routes.addAll(
        h.createQuery(TCP_SELECT + " WHERE (CAST(:parent AS text) IS NULL OR parent_ref = :parent)")
            .bind("parent", parentRef)
            .map(RouteStore::tcp)
            .list());
    routes.sort(
        Comparator.comparing(Route::createdAt)
            .thenComparing(Route::type)
            .thenComparing(Route::id)
            .reversed());
    return routes;
  }

  public boolean httpExists(String domain, String path) {
    return h.createQuery("SELECT count(*) FROM http_routes WHERE domain = :domain AND path = :path")
            .bind("domain", domain)
            .bind("path", path)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /** How many routes with a path depend on the domain's default route. */
  public int pathRoutesOf(String domain) {
    return h.createQuery("SELECT count(*) FROM http_routes WHERE domain = :domain AND path <> '/'")
        .bind("domain", domain)
        .mapTo(Integer.class)
        .one();
  }

  public Set<Integer> tcpPortsInUse() {
    return new HashSet<>(h.createQuery("SELECT port FROM tcp_routes").mapTo(Integer.class).list());
  }

  public Route insert(Route r) {
    if (r.isHttp()) {
      h.createUpdate(
              """
              INSERT INTO http_routes (route_id, parent_ref, service, domain, path, leader, sticky,
                drain_backends, disable_keep_alives, https_redirect, certificate_id)
              VALUES (CAST(:id AS uuid), :parent, :service, :domain, :path, :leader, :sticky,
                :drain, :keepAlives, :httpsRedirect, CAST(:certificate AS uuid))
              """)
          .bind("id", r.id())
          .bind("parent", r.parentRef())
          .bind("service", r.service())
          .bind("domain", r.domain())
          .bind("path", r.path())
          .bind("leader", r.leader())
          .bind("sticky", r.isSticky())
          .bind("drain", r.drains())
          .bind("keepAlives", !r.keepsAlive())
          .bind("httpsRedirect", r.redirectsToHttps())
          .bind("certificate", r.certificate() == null ? null : r.certificate().id())
          .execute();
    } else {
      h.createUpdate(
              """
              INSERT INTO tcp_routes (route_id, parent_ref, service, port, leader, drain_backends)
              VALUES (CAST(:id AS uuid), :parent, :service, :port, :leader, :drain)
              """)
          .bind("id", r.id())
          .bind("parent", r.parentRef())
          .bind("service", r.service())
          .bind("port", r.port())
          .bind("leader", r.leader())
          .bind("drain", r.drains())
          .execute();
    }
    return find(r.type(), r.id()).orElseThrow();
  }

  public Route update(Route r) {
    if (r.isHttp()) {
      h.createUpdate(
              """
              UPDATE http_routes SET service = :service, leader = :leader, sticky = :sticky,
                disable_keep_alives = :keepAlives, https_redirect = :httpsRedirect,
                certificate_id = CAST(:certificate AS uuid), updated_at = now()
              WHERE route_id = CAST(:id AS uuid)
              """)
          .bind("id", r.id())
          .bind("service", r.service())
          .bind("leader", r.leader())
          .bind("sticky", r.isSticky())
          .bind("keepAlives", !r.keepsAlive())
          .bind("httpsRedirect", r.redirectsToHttps())
          .bind("certificate", r.certificate() == null ? null : r.certificate().id())
          .execute();
    } else {
      h.createUpdate(
              """
              UPDATE tcp_routes SET service = :service, port = :port, leader = :leader,
                updated_at = now()
              WHERE route_id = CAST(:id AS uuid)
              """)
          .bind("id", r.id())
          .bind("service", r.service())
          .bind("port", r.port())
          .bind("leader", r.leader())
          .execute();
    }
    return find(r.type(), r.id()).orElseThrow();
  }

  public void delete(Route r) {
    h.createUpdate("DELETE FROM " + table(r) + " WHERE route_id = CAST(:id AS uuid)")
        .bind("id", r.id())
        .execute();
  }

  /** The stored certificate with this chain (one row per chain), saving it when new. */
  public Certificate saveCertificate(Certificate c, String newId) {
    return h.createQuery(
            """
            INSERT INTO certificates (certificate_id, cert, key, cert_sha256)
            VALUES (CAST(:id AS uuid), :cert, :key, :sha)
            ON CONFLICT (cert_sha256) DO UPDATE SET key = EXCLUDED.key, updated_at = now()
            RETURNING certificate_id::text AS certificate_id, cert, key,
              created_at AS cert_created_at, updated_at AS cert_updated_at
            """)
        .bind("id", newId)
        .bind("cert", c.cert())
        .bind("key", c.key())
        .bind("sha", sha256(c.cert()))
        .map((rs, ctx) -> certificate(rs))
        .one();
  }

  /** Removes a certificate no route uses any more: its private key should not linger. */
  public void deleteCertificateIfUnused(String certificateId) {
    h.createUpdate(
            """
            DELETE FROM certificates c WHERE c.certificate_id = CAST(:id AS uuid)
              AND NOT EXISTS (SELECT 1 FROM http_routes r WHERE r.certificate_id = c.certificate_id)
            """)
        .bind("id", certificateId)
        .execute();
  }

  private static String table(Route r) {
    return r.isHttp() ? "http_routes" : "tcp_routes";
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  private static Route http(ResultSet rs, StatementContext ctx) throws SQLException {
    return stored(
            Route.http(rs.getString("domain"), rs.getString("path"), rs.getString("service")), rs)
        .withCertificate(rs.getString("certificate_id") == null ? null : certificate(rs))
        .withSticky(rs.getBoolean("sticky"))
        .withDisableKeepAlives(rs.getBoolean("disable_keep_alives"))
        .withHttpsRedirect(rs.getBoolean("https_redirect"));
  }

  private static Certificate certificate(ResultSet rs) throws SQLException {
    return new Certificate(
        rs.getString("certificate_id"),
        null,
        rs.getString("cert"),
        rs.getString("key"),
        Rows.time(rs, "cert_created_at"),
        Rows.time(rs, "cert_updated_at"));
  }

  private static Route tcp(ResultSet rs, StatementContext ctx) throws SQLException {
    return stored(Route.tcp(rs.getInt("port"), rs.getString("service")), rs);
  }

  /** {@code route} with the columns http and tcp routes share. */
  private static Route stored(Route route, ResultSet rs) throws SQLException {
    return route
        .withId(rs.getString("route_id"))
        .withParentRef(rs.getString("parent_ref"))
        .withLeader(rs.getBoolean("leader"))
        .withTimes(Rows.time(rs, "created_at"), Rows.time(rs, "updated_at"))
        .withDrainBackends(rs.getBoolean("drain_backends"));
  }
}
