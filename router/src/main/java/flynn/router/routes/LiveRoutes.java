package flynn.router.routes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The route table in force: an atomically swapped {@link RouteTable}, read lock-free on every
 * request, with listeners told of each new table (TCP listeners, backend watches).
 */
public final class LiveRoutes {
  private final AtomicReference<RouteTable> table = new AtomicReference<>(RouteTable.empty());
  private final List<Consumer<RouteTable>> listeners = new CopyOnWriteArrayList<>();

  public RouteTable current() {
    return table.get();
  }

  public void update(UnaryOperator<RouteTable> change) {
    RouteTable next = table.updateAndGet(change);
    listeners.forEach(l -> l.accept(next));
  }

  public void replace(RouteTable next) {
    update(old -> next);
  }

  /** Calls {@code listener} with the current table now and with every later one. */
  public void onChange(Consumer<RouteTable> listener) {
    listeners.add(listener);
    listener.accept(current());
  }
}
