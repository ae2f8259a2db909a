package flynn.controller.routes;

import flynn.api.http.ApiException;
import flynn.api.router.Certificate;
import flynn.api.router.Route;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Flynn's rules for a route's own fields, as pure functions: what a new route or a change must look
 * like, normalised (lowercase domain, paths ending in {@code /}, defaults filled in). Rules that
 * need other routes (uniqueness, default routes, free ports) are in {@link RouteService}.
 */
public final class RouteRules {
  static final int MAX_DOMAIN_LENGTH = 253;
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern PATH = Pattern.compile("/([A-Za-z0-9._~!$&'()*+,;=:@%-]+/)*");

  private RouteRules() {}

  /** A new route of app {@code appId} from a request body, checked and with defaults. */
  public static Route newRoute(Route body, String appId, PortRange tcpPorts) {
    String type = type(body.type());
    String service = service(body.service(), null);
    if (Route.HTTP.equals(type)) {
      return newHttp(body, appId, service);
    }
    onlyHttp(body);
    return Route.tcp(
            body.port() == null || body.port() == 0 ? null : port(body.port(), tcpPorts), service)
        .withParentRef(Route.appRef(appId))
        .withLeader(body.leader())
        .withDrainBackends(body.drainBackends() == null || body.drainBackends());
  }

  private static Route newHttp(Route body, String appId, String service) {
    if (body.port() != null && body.port() != 0) {
      throw ApiException.validation("port", "port is only for tcp routes (http routes use 80/443)");
    }
    String domain = domain(body.domain());
    Certificate certificate = requestedCertificate(body);
    return Route.http(domain, path(body.path()), service)
        .withParentRef(Route.appRef(appId))
        .withLeader(body.leader())
        .withCertificate(certificate)
        .withSticky(Boolean.TRUE.equals(body.sticky()))
        .withDrainBackends(body.drainBackends() == null || body.drainBackends())
        .withDisableKeepAlives(Boolean.TRUE.equals(body.disableKeepAlives()))
        .withHttpsRedirect(Boolean.TRUE.equals(body.httpsRedirect()));
  }

  /**
   * {@code existing} changed as {@code body} says, Flynn's PUT: the body is the whole route, so
   * {@code leader} is taken as given; fields it leaves out keep their value. The domain, path and
   * type of a route are what it is, and cannot change; a new certificate replaces the old one.
   */
  public static Route changed(Route existing, Route body, PortRange tcpPorts) {
    String service = service(body.service(), existing.service());
    if (!existing.isHttp()) {
      onlyHttp(body);
      return existing
          .withService(service)
          .withPort(
              body.port() == null || body.port() == 0 || body.port().equals(existing.port())
                  ? existing.port()
                  : port(body.port(), tcpPorts))
          .withLeader(body.leader());
    }
    unchanged("domain", body.domain() == null ? null : domain(body.domain()), existing.domain());
    unchanged("path", body.path() == null ? null : path(body.path()), existing.path());
    if (body.port() != null && body.port() != 0) {
      throw ApiException.validation("port", "port is only for tcp routes (http routes use 80/443)");
    }
    Certificate certificate = requestedCertificate(body);
    return existing
        .withService(service)
        .withLeader(body.leader())
        .withCertificate(certificate != null ? certificate : existing.certificate())
        .withSticky(body.sticky() != null ? body.sticky() : existing.sticky())
        .withDisableKeepAlives(
            body.disableKeepAlives() != null
                ? body.disableKeepAlives()
                : existing.disableKeepAlives())
        .withHttpsRedirect(
            body.httpsRedirect() != null ? body.httpsRedirect() : existing.httpsRedirect());
  }

  static String type(String type) {
    if (!Route.HTTP.equals(type) && !Route.TCP.equals(type)) {
      throw ApiException.validation(
          "type", "route type must be \"http\" or \"tcp\"" + (type == null ? "" : ", not " + type));
    }
    return type;
  }

  private static String service(String service, String current) {
    if (service == null && current != null) {
      return current;
    }
    if (service == null || service.isBlank()) {
      throw ApiException.validation("service", "service is required: the name of a service");
    }
    return service;
  }

  /** A lowercase domain name, optionally a wildcard {@code *.example.com}. */
  static String domain(String domain) {
    if (domain == null || domain.isEmpty()) {
      throw ApiException.validation("domain", "domain is required for an http route");
    }
    String d = domain.toLowerCase(Locale.ROOT);
    String name = d.startsWith("*.") ? d.substring(2) : d;
    if (d.length() > MAX_DOMAIN_LENGTH || !validLabels(name)) {
      throw ApiException.validation(
          "domain",
          "invalid domain \""
              + domain
              + "\" (use a name such as example.com or a wildcard such as *.example.com)");
    }
    return d;
  }

  private static boolean validLabels(String name) {
    if (name.isEmpty() || name.endsWith(".")) {
      return false;
    }
    for (String label : name.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  /** A path prefix that starts and ends with {@code /}; none is {@code /}, the default route. */
  static String path(String path) {
    if (path == null || path.isEmpty()) {
      return "/";
    }
    String p = path.endsWith("/") ? path : path + "/";
    if (!PATH.matcher(p).matches()) {
      throw ApiException.validation(
          "path", "invalid path \"" + path + "\" (it starts with / and has no empty segments)");
    }
    return p;
  }

  static int port(int port, PortRange tcpPorts) {
    if (!tcpPorts.contains(port)) {
      throw ApiException.validation(
          "port", "port " + port + " is outside the TCP route range " + tcpPorts);
    }
    return port;
  }

  /**
   * The certificate the body asks for ({@code certificate}, or Flynn's older {@code
   * tls_cert}/{@code tls_key} the CLI sends), checked, or null when it asks for none.
   */
  static Certificate requestedCertificate(Route body) {
    boolean legacy = body.legacyTlsCert() != null || body.legacyTlsKey() != null;
    String cert = legacy ? body.legacyTlsCert() : part(body.certificate(), true);
    String key = legacy ? body.legacyTlsKey() : part(body.certificate(), false);
    if (blank(cert) && blank(key)) {
      return null;
    }
    var fields =
        legacy
            ? new CertificateCheck.Fields("tls_cert", "tls_key")
            : new CertificateCheck.Fields("certificate.cert", "certificate.key");
    if (blank(cert) || blank(key)) {
      throw ApiException.validation(
          blank(cert) ? fields.cert() : fields.key(),
          "a certificate needs both its PEM certificate chain and its private key");
    }
    CertificateCheck.verify(cert.strip(), key.strip(), fields);
    return Certificate.of(cert.strip(), key.strip());
  }

  private static String part(Certificate c, boolean cert) {
    return c == null ? null : cert ? c.cert() : c.key();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static void onlyHttp(Route body) {
    if (body.domain() != null && !body.domain().isEmpty()) {
      throw ApiException.validation("domain", "domain is only for http routes");
    }
    if (body.path() != null && !body.path().isEmpty()) {
      throw ApiException.validation("path", "path is only for http routes");
    }
    if (requestedCertificate(body) != null) {
      throw ApiException.validation("certificate", "certificates are only for http routes");
    }
    if (body.redirectsToHttps()) {
      throw ApiException.validation(
          "https_redirect", "https_redirect is only for http routes (tcp routes carry no URLs)");
    }
  }

  private static void unchanged(String field, String given, String current) {
    if (given != null && !given.equals(current)) {
      throw ApiException.validation(
          field,
          "the "
              + field
              + " of a route cannot change (it is \""
              + current
              + "\"); add a new route instead");
    }
  }
}
