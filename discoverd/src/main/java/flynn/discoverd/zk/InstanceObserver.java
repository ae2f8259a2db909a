package flynn.discoverd.zk;

import flynn.api.discoverd.Instance;

/** Told of every change to the registered instances, in ZooKeeper's order, by {@link Feed}. */
public interface InstanceObserver {
  /**
   * An instance was registered or re-registered (a heartbeat).
   *
   * @param version the znode's data version, which every heartbeat increases
   */
  void instancePut(String service, Instance instance, int version);

  void instanceRemoved(String service, String id);

  void serviceRemoved(String service);

  /** A service was created (or its config changed); it may have no instances yet. */
  default void serviceAdded(String service) {}
}
