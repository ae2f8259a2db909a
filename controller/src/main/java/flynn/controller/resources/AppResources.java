package flynn.controller.resources;

import flynn.api.controller.Provider;
import flynn.api.controller.Resource;
import flynn.api.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What deleting an app does to its resources, in two steps. First, outside the app's transaction,
 * {@link #deprovisionOwned} deprovisions each resource linked only to that app. A provider that
 * fails does not stop the deletion: it is logged and that resource stays stored, unlinked, listed
 * under its provider for an operator to delete again. Then {@link #forget}, inside the app's
 * transaction, deletes the deprovisioned resources and unlinks the app from every other one.
 */
public final class AppResources {
  private static final Logger LOG = LoggerFactory.getLogger(AppResources.class);

  private final Jdbi jdbi;
  private final ProviderCalls calls;

  public AppResources(Jdbi jdbi, ProviderCalls calls) {
    this.jdbi = jdbi;
    this.calls = calls;
  }

  /** Deprovisions the resources only this app uses; answers the ids of those that are gone. */
  public Set<String> deprovisionOwned(String appId) {
    record Owned(Provider provider, Resource resource) {}
    List<Owned> owned =
        jdbi.withHandle(h ->
            new ResourceStore(h)
                .listOfApp(appId).stream()
                    .filter(r -> r.apps().equals(List.of(appId)))
                    .map(r -> new Owned(ProviderService.require(h, r.provider()), r))
                    .toList());
    List<String> gone = new ArrayList<>();
    for (Owned o : owned) {
      try {
        calls.deprovision(o.provider(), o.resource().externalId());
        gone.add(o.resource().id());
      } catch (ApiException e) {
        LOG.warn(
            "app deletion: resource kept at its provider app={} resource={} provider={} error={}",
            appId,
            o.resource().id(),
            o.provider().name(),
            e.getMessage());
      }
    }
    return Set.copyOf(gone);
  }

  /**
   * In the app's deletion transaction: deletes the resources in {@code deprovisioned} and unlinks
   * the app from the others, each with its event; answers the deleted ones.
   */
  public static List<Resource> forget(Handle h, String appId, Set<String> deprovisioned) {
    ResourceStore store = new ResourceStore(h);
    List<Resource> deleted = new ArrayList<>();
    for (Resource r : store.listOfApp(appId)) {
      if (deprovisioned.contains(r.id())) {
        store.markDeleted(r.id());
        ResourceEvents.deleted(h, r);
        deleted.add(r);
      } else {
        store.unlink(r.id(), appId);
        ResourceEvents.unlinked(h, store.find(r.id()).orElseThrow(), appId);
      }
    }
    return deleted;
  }
}
