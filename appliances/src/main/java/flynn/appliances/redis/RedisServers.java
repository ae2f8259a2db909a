package flynn.appliances.redis;

import flynn.appliances.platform.ServerAddress;

/** Where the redis provider gets a server per resource from, and gives it back. */
public interface RedisServers {
  /**
   * Starts the server of resource {@code id} with {@code password} and answers its address once it
   * answers {@code PING} with that password.
   */
  ServerAddress start(String id, String password);

  /** Stops the server and removes its data; one already gone is fine. */
  void remove(String id);
}
