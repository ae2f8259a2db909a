package flynn.api.router;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.OffsetDateTime;

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
    @JsonProperty("disable_keep_alives") Boolean disableKeepAlives) {
  public static final String HTTP = "http";
  public static final String TCP = "tcp";

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
}
