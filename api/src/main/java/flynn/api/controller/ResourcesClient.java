package flynn.api.controller;

import com.fasterxml.jackson.core.type.TypeReference;
import flynn.api.http.JsonHttp;
import flynn.api.provider.ProviderClient;
import java.util.List;

/**
 * {@code /resources}, {@code /providers/:id/resources} and {@code /apps/:id/resources}. A provider
 * is named by id or name.
 */
public final class ResourcesClient {
  private static final TypeReference<List<Resource>> RESOURCES = new TypeReference<>() {};

  private final JsonHttp http;

  ResourcesClient(JsonHttp http) {
    this.http = http;
  }

  /** Asks the provider for a new resource and stores it, linked to the request's apps. */
  public Resource provision(String provider, ResourceReq request) {
    return http.withTimeout(ProviderClient.PROVISION_TIMEOUT.plusMinutes(1))
        .post(base(provider), request, Resource.class);
  }

  public List<Resource> listAll() {
    return http.get("/resources", RESOURCES);
  }

  public List<Resource> list(String provider) {
    return http.get(base(provider), RESOURCES);
  }

  public List<Resource> listForApp(String app) {
    return http.get("/apps/" + ControllerClient.enc(app) + "/resources", RESOURCES);
  }

  public Resource get(String provider, String id) {
    return http.get(one(provider, id), Resource.class);
  }

  /** Stores a resource provisioned elsewhere under {@code resource.id()}. */
  public Resource put(String provider, Resource resource) {
    return http.put(one(provider, resource.id()), resource, Resource.class);
  }

  /** Deprovisions the resource at its provider, then forgets it; answers what it was. */
  public Resource delete(String provider, String id) {
    return http.delete(one(provider, id), Resource.class);
  }

  public Resource addApp(String provider, String id, String app) {
    return http.put(one(provider, id) + "/apps/" + ControllerClient.enc(app), null, Resource.class);
  }

  public Resource removeApp(String provider, String id, String app) {
    return http.delete(one(provider, id) + "/apps/" + ControllerClient.enc(app), Resource.class);
  }

  private static String base(String provider) {
    return "/providers/" + ControllerClient.enc(provider) + "/resources";
  }

  private static String one(String provider, String id) {
    return base(provider) + "/" + ControllerClient.enc(id);
  }
}
