package flynn.appliances;

import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.provider.Provisioned;

/** What a provider does for the controller: make a resource and remove it again. */
public interface Provisioner {
  /**
   * Makes a resource (a database, a server) and answers its id and the env apps use it with.
   *
   * @param config the JSON config the controller passed on (unused by these appliances)
   */
  Provisioned provision(JsonNode config);

  /** Removes the resource and every way in to it; a resource already gone is not an error. */
  void deprovision(String id);
}
