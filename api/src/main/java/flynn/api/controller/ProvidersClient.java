package flynn.api.controller;

import com.fasterxml.jackson.core.type.TypeReference;
import flynn.api.http.JsonHttp;
import java.util.List;

/** {@code /providers}: the resource providers the controller knows, by id or name. */
public final class ProvidersClient {
  private static final TypeReference<List<Provider>> PROVIDERS = new TypeReference<>() {};

  private final JsonHttp http;

  ProvidersClient(JsonHttp http) {
    this.http = http;
  }

  public List<Provider> list() {
    return http.get("/providers", PROVIDERS);
  }

  /** The provider with this id or name. */
  public Provider get(String idOrName) {
    return http.get("/providers/" + ControllerClient.enc(idOrName), Provider.class);
  }

  /** Creates a provider, or updates the url of the one with that name. */
  public Provider create(Provider provider) {
    return http.post("/providers", provider, Provider.class);
  }
}
