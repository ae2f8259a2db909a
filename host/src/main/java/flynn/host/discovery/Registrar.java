package flynn.host.discovery;

import flynn.api.discoverd.DiscoverdClient;
import flynn.api.discoverd.Heartbeat;
import flynn.api.discoverd.Instance;

/** Registers instances in service discovery for as long as they are up. */
public interface Registrar {
  /** A registration; closing it deregisters at once. Closing twice is harmless. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Registers {@code instance} in {@code service} and keeps it registered.
   *
   * @throws flynn.api.http.ApiException when discovery refuses it or cannot be reached
   */
  Registration register(String service, Instance instance);

  /** For a daemon without discoverd: registers nothing. */
  Registrar NONE = (service, instance) -> () -> {};

  /** Registration in discoverd, kept alive by a {@link Heartbeat}. */
  static Registrar discoverd(String url) {
    DiscoverdClient client = new DiscoverdClient(url);
    return (service, instance) -> Heartbeat.start(client, service, instance)::close;
  }
}
