package flynn.controller.resources;

import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.controller.Provider;
import flynn.api.http.ApiException;
import flynn.api.provider.ProviderClient;
import flynn.api.provider.Provisioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speaks Flynn's provider contract to a provider with the cluster key. A provider that cannot be
 * reached becomes a 503 and one that answers an error a 502, each naming the provider and keeping
 * its own message.
 */
public final class ProviderCalls {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderCalls.class);

  private final String key;

  public ProviderCalls(String key) {
    this.key = key;
  }

  public Provisioned provision(Provider p, JsonNode config) {
    Provisioned made;
    try {
      made = new ProviderClient(p.url(), key).provision(config);
    } catch (ApiException e) {
      throw failure(p, "provision", e);
    }
    if (made == null || made.id() == null || made.id().isBlank()) {
      throw new ApiException(
          502,
          ApiException.UNKNOWN_ERROR,
          "provider \"" + p.name() + "\" answered the provision request without a resource id",
          null);
    }
    return made;
  }

  /** Deprovisions; one the provider no longer knows (404) counts as done. */
  public void deprovision(Provider p, String externalId) {
    try {
      new ProviderClient(p.url(), key).deprovision(externalId);
    } catch (ApiException e) {
      if (e.status() == 404) {
        LOG.info(
            "deprovision: provider no longer knows the resource provider={} external_id={}",
            p.name(),
            externalId);
        return;
      }
      throw failure(p, "deprovision", e);
    }
  }

  private static ApiException failure(Provider p, String action, ApiException e) {
    boolean unreachable = e.status() == 503 && ApiException.SERVICE_UNAVAILABLE.equals(e.code());
    String message =
        "provider \""
            + p.name()
            + "\" "
            + (unreachable ? "is unavailable" : "refused to " + action)
            + ": "
            + e.getMessage();
    LOG.warn("provider call failed provider={} action={} status={}", p.name(), action, e.status());
    return unreachable
        ? ApiException.unavailable(message)
        : new ApiException(502, ApiException.UNKNOWN_ERROR, message, null);
  }
}
