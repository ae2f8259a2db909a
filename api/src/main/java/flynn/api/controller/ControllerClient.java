package flynn.api.controller;

import flynn.api.http.JsonHttp;

/**
 * The controller's HTTP API, split by resource: {@code client.apps().get("demo")}. Every call
 * authenticates with the cluster key and raises {@link flynn.api.http.ApiException} on an error.
 */
public final class ControllerClient {
  private final JsonHttp http;
  private final AppsClient apps;
  private final ReleasesClient releases;
  private final FormationsClient formations;
  private final JobsClient jobs;
  private final EventsClient events;
  private final RoutesClient routes;
  private final DeploymentsClient deployments;
  private final ProvidersClient providers;
  private final ResourcesClient resources;
  private final VolumesClient volumes;

  public ControllerClient(String url, String key) {
    this.http = new JsonHttp(url, key);
    this.apps = new AppsClient(http);
    this.releases = new ReleasesClient(http);
    this.formations = new FormationsClient(http);
    this.jobs = new JobsClient(http);
    this.events = new EventsClient(http);
    this.routes = new RoutesClient(http);
    this.deployments = new DeploymentsClient(http);
    this.providers = new ProvidersClient(http);
    this.resources = new ResourcesClient(http);
    this.volumes = new VolumesClient(http);
  }

  public String url() {
    return http.baseUrl();
  }

  public AppsClient apps() {
    return apps;
  }

  public ReleasesClient releases() {
    return releases;
  }

  public FormationsClient formations() {
    return formations;
  }

  public JobsClient jobs() {
    return jobs;
  }

  public EventsClient events() {
    return events;
  }

  public RoutesClient routes() {
    return routes;
  }

  public DeploymentsClient deployments() {
    return deployments;
  }

  public ProvidersClient providers() {
    return providers;
  }

  public ResourcesClient resources() {
    return resources;
  }

  public VolumesClient volumes() {
    return volumes;
  }

  /** {@code GET /ca-cert}: the cluster CA certificate in PEM (needs no key). */
  public String caCert() {
    try (java.io.InputStream in = http.open("/ca-cert")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("reading the CA certificate failed", e);
    }
  }

  /** {@code GET /ping}: true when the controller answers. */
  public boolean ping() {
    try {
      http.get("/ping", String.class);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** {@code GET /.well-known/status}: health and version of the controller. */
  public Status status() {
    Status.Response response = http.get("/.well-known/status", Status.Response.class);
    return response == null ? null : response.data();
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
