package flynn.controller.resources;

import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.Json;
import flynn.api.controller.Provider;
import flynn.api.controller.Resource;
import flynn.api.controller.ResourceReq;
import flynn.api.http.ApiException;
import flynn.api.provider.Provisioned;
import flynn.controller.apps.AppLookup;
import flynn.controller.db.Ids;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provisions, stores, links and deletes resources. Provider calls happen outside any transaction: a
 * resource is stored only after its provider made it, and forgotten only after its provider
 * deprovisioned it, so a provider failure changes nothing here.
 */
public final class ResourceService {
  private static final Logger LOG = LoggerFactory.getLogger(ResourceService.class);

  private final Jdbi jdbi;
  private final ProviderCalls calls;

  public ResourceService(Jdbi jdbi, ProviderCalls calls) {
    this.jdbi = jdbi;
    this.calls = calls;
  }

  /** Asks the provider for a new resource, then stores it linked to the request's apps. */
  public Resource provision(String providerRef, ResourceReq req) {
    record Target(Provider provider, List<String> appIds) {}
    Target t =
        jdbi.withHandle(
            h -> new Target(ProviderService.require(h, providerRef), appIds(h, req.apps())));
    JsonNode config = req.config() == null ? Json.mapper().createObjectNode() : req.config();
    Provisioned made = calls.provision(t.provider(), config);
    Resource resource =
        new Resource(Ids.random(), t.provider().id(), made.id(), envOf(made), t.appIds(), null);
    try {
      Resource stored = jdbi.inTransaction(h -> ResourceEvents.created(h, store(h, resource)));
      LOG.info(
          "resource provisioned provider={} resource={} external_id={} apps={}",
          t.provider().name(),
          stored.id(),
          stored.externalId(),
          stored.apps());
      return stored;
    } catch (RuntimeException e) {
      undo(t.provider(), made.id(), e);
      throw e;
    }
  }

  public List<Resource> listAll() {
    return jdbi.withHandle(h -> new ResourceStore(h).list());
  }

  public List<Resource> list(String providerRef) {
    return jdbi.withHandle(
        h -> new ResourceStore(h).listOfProvider(ProviderService.require(h, providerRef).id()));
  }

  public List<Resource> listForApp(String app) {
    return jdbi.withHandle(h -> new ResourceStore(h).listOfApp(AppLookup.require(h, app).id()));
  }

  public Resource get(String providerRef, String id) {
    return jdbi.withHandle(h -> require(h, ProviderService.require(h, providerRef), id));
  }

  /**
   * Stores a resource provisioned elsewhere under {@code id}; if stored, updates it and links its
   * apps.
   */
  public Resource put(String providerRef, String id, Resource body) {
    String resourceId = Ids.require("id", id);
    if (body.externalId() == null || body.externalId().isBlank()) {
      throw ApiException.validation("external_id", "external_id must not be blank");
    }
    return jdbi.inTransaction(h -> {
      Provider p = ProviderService.require(h, providerRef);
      Resource r =
          new Resource(
              resourceId,
              p.id(),
              body.externalId(),
              body.env() == null ? Map.of() : body.env(),
              appIds(h, body.apps()),
              null);
      ResourceStore store = new ResourceStore(h);
      if (store.find(resourceId).isEmpty()) {
        if (store.existed(resourceId)) {
          throw ApiException.conflict("resource " + resourceId + " was deleted; use a new id");
        }
        return ResourceEvents.created(h, store(h, r));
      }
      require(h, p, resourceId);
      store.update(r);
      r.apps().forEach(app -> store.link(resourceId, app));
      return ResourceEvents.created(h, store.find(resourceId).orElseThrow());
    });
  }

  /** Deprovisions the resource at its provider, then forgets it; answers what it was. */
  public Resource delete(String providerRef, String id) {
    record Found(Provider provider, Resource resource) {}
    Found f =
        jdbi.withHandle(h -> {
          Provider p = ProviderService.require(h, providerRef);
          return new Found(p, require(h, p, id));
        });
    calls.deprovision(f.provider(), f.resource().externalId());
    jdbi.useTransaction(h -> {
      new ResourceStore(h).markDeleted(f.resource().id());
      ResourceEvents.deleted(h, f.resource());
    });
    LOG.info(
        "resource deprovisioned provider={} resource={} external_id={}",
        f.provider().name(),
        f.resource().id(),
        f.resource().externalId());
    return f.resource();
  }

  public Resource addApp(String providerRef, String id, String app) {
    return jdbi.inTransaction(h -> {
      Resource r = require(h, ProviderService.require(h, providerRef), id);
      String appId = AppLookup.require(h, app).id();
      ResourceStore store = new ResourceStore(h);
      if (!store.link(r.id(), appId)) {
        return r;
      }
      Resource linked = store.find(r.id()).orElseThrow();
      ResourceEvents.linked(h, linked, appId);
      return linked;
    });
  }

  public Resource removeApp(String providerRef, String id, String app) {
    return jdbi.inTransaction(h -> {
      Resource r = require(h, ProviderService.require(h, providerRef), id);
      String appId = AppLookup.require(h, app).id();
      ResourceStore store = new ResourceStore(h);
      if (!store.unlink(r.id(), appId)) {
        return r;
      }
      Resource unlinked = store.find(r.id()).orElseThrow();
      ResourceEvents.unlinked(h, unlinked, appId);
      return unlinked;
    });
  }

  private static Resource store(Handle h, Resource r) {
    return new ResourceStore(h).insert(r);
  }

  /** The ids of the named apps (by id or name), each once; a 404 for one that does not exist. */
  private static List<String> appIds(Handle h, List<String> apps) {
    if (apps == null) {
      return List.of();
    }
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    apps.forEach(a -> ids.add(AppLookup.require(h, a).id()));
    return List.copyOf(ids);
  }

  private static Resource require(Handle h, Provider p, String id) {
    return Ids.parse(id)
        .flatMap(uuid -> new ResourceStore(h).find(uuid))
        .filter(r -> r.provider().equals(p.id()))
        .orElseThrow(() -> ApiException.notFound("resource", id));
  }

  private static Map<String, String> envOf(Provisioned made) {
    return made.env() == null ? Map.of() : made.env();
  }

  /** A resource the provider made but we could not store is deprovisioned again, if it can be. */
  private void undo(Provider p, String externalId, RuntimeException cause) {
    LOG.warn(
        "storing a provisioned resource failed, deprovisioning it provider={} external_id={}"
            + " error={}",
        p.name(),
        externalId,
        cause.getMessage());
    try {
      calls.deprovision(p, externalId);
    } catch (ApiException e) {
      LOG.error(
          "resource left at its provider provider={} external_id={} error={}",
          p.name(),
          externalId,
          e.getMessage());
    }
  }
}
