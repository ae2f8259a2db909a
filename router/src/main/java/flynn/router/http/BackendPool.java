package flynn.router.http;

import io.netty.channel.Channel;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Idle keep-alive connections to backends, by address, for one event loop: only that loop's thread
 * touches it, so it needs no locks.
 */
final class BackendPool {
  private final Map<String, ArrayDeque<Channel>> idle = new HashMap<>();
  private final int maxPerBackend;

  BackendPool(int maxPerBackend) {
    this.maxPerBackend = maxPerBackend;
  }

  /** An open idle connection to {@code addr}, or null. */
  Channel take(String addr) {
    ArrayDeque<Channel> q = idle.get(addr);
    while (q != null && !q.isEmpty()) {
      Channel ch = q.pollLast();
      if (ch.isActive()) {
        return ch;
      }
    }
    return null;
  }

  /** Keeps {@code ch} for reuse, or closes it when the backend already has enough idle ones. */
  void offer(String addr, Channel ch) {
    ArrayDeque<Channel> q = idle.computeIfAbsent(addr, a -> new ArrayDeque<>());
    if (!ch.isActive() || q.size() >= maxPerBackend) {
      ch.close();
      return;
    }
    q.addLast(ch);
    ch.read(); // notice a close by the backend while idle
  }

  /** Drops {@code ch} if it is idle here; called once when a backend connection closes. */
  void forget(String addr, Channel ch) {
    ArrayDeque<Channel> q = idle.get(addr);
    if (q != null) {
      q.remove(ch);
      if (q.isEmpty()) {
        idle.remove(addr);
      }
    }
  }
}
