package flynn.api.router;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.OffsetDateTime;
import java.util.function.Consumer;

/**
 * A route to a service's instances, Flynn's {@code router.Route}: {@code http} (by domain and path
 * prefix, optionally with a certificate, sticky sessions, no keep-alives) or {@code tcp} (by port).
 * {@code parent_ref} is {@code controller/apps/<app id>} for an app's routes.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Route(
    @JsonProperty("type") String type,
    @JsonProperty("id") String id,
    @JsonProperty("parent_ref") String parentRef,
    @JsonProperty("service") @JsonInclude(JsonInclude.Include.ALWAYS) String service,
    @JsonProperty("port") Integer port,
    // absent means false, as in Flynn (the shared mapper refuses null for primitives)
    @JsonProperty("leader")
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @JsonSetter(nulls = Nulls.AS_EMPTY)
        boolean leader,
    @JsonProperty("created_at") OffsetDateTime createdAt,
    @JsonProperty("updated_at") OffsetDateTime updatedAt,
    @JsonProperty("domain") String domain,
    @JsonProperty("certificate") Certificate certificate,
    @JsonProperty("tls_cert") String legacyTlsCert,
    @JsonProperty("tls_key") String legacyTlsKey,
    @JsonProperty("sticky") Boolean sticky,
    @JsonProperty("path") String path,
    @JsonProperty("drain_backends") Boolean drainBackends,
    @JsonProperty("disable_keep_alives") Boolean disableKeepAlives,
    // not in Flynn's route: plain-HTTP requests get a 308 to the same URL over https
    @JsonProperty("https_redirect") Boolean httpsRedirect) {
  public static final String HTTP = "http";
  public static final String TCP = "tcp";

  /** A route of {@code type} to {@code service} with every other field left out. */
  public static Route of(String type, String service) {
    return new Route(
        type, null, null, service, null, false, null, null, null, null, null, null, null, null,
        null, null, null);
  }

  /** An http route to {@code service} for {@code domain} and a path prefix (null: none). */
  public static Route http(String domain, String path, String service) {
    return of(HTTP, service).edited(f -> f.domainAndPath(domain, path));
  }

  /** A tcp route to {@code service} on {@code port} (null: one the controller picks). */
  public static Route tcp(Integer port, String service) {
    return of(TCP, service).withPort(port);
  }

  public Route withId(String id) {
    return edited(f -> f.id = id);
  }

  public Route withParentRef(String parentRef) {
    return edited(f -> f.parentRef = parentRef);
  }

  public Route withService(String service) {
    return edited(f -> f.service = service);
  }

  public Route withPort(Integer port) {
    return edited(f -> f.port = port);
  }

  public Route withLeader(boolean leader) {
    return edited(f -> f.leader = leader);
  }

  /** {@code created_at} and {@code updated_at}, which the controller sets. */
  public Route withTimes(OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    return edited(f -> f.times(createdAt, updatedAt));
  }

  public Route withCertificate(Certificate certificate) {
    return edited(f -> f.certificate = certificate);
  }

  /** Flynn's older {@code tls_cert} and {@code tls_key} instead of a {@code certificate}. */
  public Route withLegacyTls(String legacyTlsCert, String legacyTlsKey) {
    return edited(f -> f.legacyTls(legacyTlsCert, legacyTlsKey));
  }

  public Route withSticky(Boolean sticky) {
    return edited(f -> f.sticky = sticky);
  }

  public Route withDrainBackends(Boolean drainBackends) {
    return edited(f -> f.drainBackends = drainBackends);
  }

  public Route withDisableKeepAlives(Boolean disableKeepAlives) {
    return edited(f -> f.disableKeepAlives = disableKeepAlives);
  }

  public Route withHttpsRedirect(Boolean httpsRedirect) {
    return edited(f -> f.httpsRedirect = httpsRedirect);
  }

  /** Flynn's {@code parent_ref} of an app's routes. */
  public static String appRef(String appId) {
    return "controller/apps/" + appId;
  }

  /** {@code http/<id>} or {@code tcp/<id>}, as the CLI shows and takes route ids. */
  @JsonIgnore
  public String formattedId() {
    return type + "/" + id;
  }

  @JsonIgnore
  public boolean isHttp() {
    return HTTP.equals(type);
  }

  @JsonIgnore
  public boolean isSticky() {
    return Boolean.TRUE.equals(sticky);
  }

  @JsonIgnore
  public boolean drains() {
    return Boolean.TRUE.equals(drainBackends);
  }

  @JsonIgnore
  public boolean keepsAlive() {
    return !Boolean.TRUE.equals(disableKeepAlives);
  }

  @JsonIgnore
  public boolean redirectsToHttps() {
    return Boolean.TRUE.equals(httpsRedirect);
  }

  private Route edited(Consumer<Fields> edit) {
    Fields fields = new Fields(this);
    edit.accept(fields);
    return fields.route();
  }

  /** A route's fields while a wither changes some of them: one place that lists them all. */
  private static final class Fields {
    private final String type;
    private String id;
    private String parentRef;
    private String service;
    private Integer port;
    private boolean leader;
    private OffsetDateTime createdAt;
    private OffsetDateTime updatedAt;
    private String domain;
    private Certificate certificate;
    private String legacyTlsCert;
    private String legacyTlsKey;
    private Boolean sticky;
    private String path;
    private Boolean drainBackends;
    private Boolean disableKeepAlives;
    private Boolean httpsRedirect;

    private Fields(Route r) {
      type = r.type;
      id = r.id;
      parentRef = r.parentRef;
      service = r.service;
      port = r.port;
      leader = r.leader;
      createdAt = r.createdAt;
      updatedAt = r.updatedAt;
      domain = r.domain;
      certificate = r.certificate;
      legacyTlsCert = r.legacyTlsCert;
      legacyTlsKey = r.legacyTlsKey;
      sticky = r.sticky;
      path = r.path;
      drainBackends = r.drainBackends;
      disableKeepAlives = r.disableKeepAlives;
      httpsRedirect = r.httpsRedirect;
    }

    private void domainAndPath(String newDomain, String newPath) {
      domain = newDomain;
      path = newPath;
    }

    private void times(OffsetDateTime created, OffsetDateTime updated) {
      createdAt = created;
      updatedAt = updated;
    }

    private void legacyTls(String cert, String key) {
      legacyTlsCert = cert;
      legacyTlsKey = key;
    }

    private Route route() {
      return new Route(
          type,
          id,
          parentRef,
          service,
          port,
          leader,
          createdAt,
          updatedAt,
          domain,
          certificate,
          legacyTlsCert,
          legacyTlsKey,
          sticky,
          path,
          drainBackends,
          disableKeepAlives,
          httpsRedirect);
    }
  }
}
