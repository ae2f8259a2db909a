package flynn.scheduler.io;

import java.util.concurrent.atomic.AtomicReference;

/** LATENT -> STARTED -> CLOSED, each step once; a second start or a start after close fails. */
public final class Lifecycle {
  enum State {
    LATENT,
    STARTED,
    CLOSED
  }

  private final String name;
  private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);

  public Lifecycle(String name) {
    this.name = name;
  }

  public void start() {
    if (!state.compareAndSet(State.LATENT, State.STARTED)) {
      throw new IllegalStateException(name + " cannot start: it is " + state.get());
    }
  }

  /** True the first time only: the caller then releases what it holds. */
  public boolean close() {
    return state.getAndSet(State.CLOSED) != State.CLOSED;
  }

  public boolean isClosed() {
    return state.get() == State.CLOSED;
  }
}
