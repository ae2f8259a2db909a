package flynn.controller.resources;

import flynn.api.controller.Event;
import flynn.api.controller.Provider;
import flynn.api.http.ApiException;
import flynn.controller.events.EventStore;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers and finds resource providers. Registering a name again changes its url, so flynn-host
 * can register its appliances at every start.
 */
public final class ProviderService {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderService.class);

  private final Jdbi jdbi;

  public ProviderService(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Provider register(Provider body) {
    Provider checked = ProviderRules.checked(body);
    Provider saved =
        jdbi.inTransaction(h -> {
          Provider p = new ProviderStore(h).upsert(checked);
          new EventStore(h).append(null, Event.PROVIDER, p.id(), p);
          return p;
        });
    LOG.info("provider registered name={} url={} id={}", saved.name(), saved.url(), saved.id());
    return saved;
  }

  public List<Provider> list() {
    return jdbi.withHandle(h -> new ProviderStore(h).list());
  }

  public Provider get(String idOrName) {
    return jdbi.withHandle(h -> require(h, idOrName));
  }

  static Provider require(Handle h, String idOrName) {
    return new ProviderStore(h)
        .find(idOrName)
        .orElseThrow(() -> ApiException.notFound("provider", idOrName));
  }
}
