package flynn.host.stack;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a stack in the background (flynn-host up's {@code --build-stack}), so the first job that
 * needs it does not wait minutes. A job that needs it meanwhile waits on the same build (the stack
 * dir's lock). Closing interrupts the build; the next one clears what it left.
 */
public final class StackPrebuild implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StackPrebuild.class);

  private final Stacks stacks;
  private final StackLayer stack;
  private final AtomicReference<Thread> thread = new AtomicReference<>();

  public StackPrebuild(Stacks stacks, StackLayer stack) {
    this.stacks = stacks;
    this.stack = stack;
  }

  /** Starts the build unless the stack is already built; returns at once. */
  public void start() {
    if (stacks.isBuilt(stack)) {
      LOG.info("stack={} event=stack-ready prebuild=skipped", stack.layerName());
      return;
    }
    Thread t = Thread.ofVirtual().name("stack-prebuild-" + stack.layerName()).unstarted(this::run);
    if (thread.compareAndSet(null, t)) {
      t.start();
    }
  }

  private void run() {
    String name = stack.layerName();
    LOG.info("stack={} dir={} event=stack-build-started reason=prebuild", name, stacks.dir());
    try {
      stacks.ensure(stack, OnDemandStacks.progress(name));
      LOG.info("stack={} event=stack-ready", name);
    } catch (IOException | RuntimeException e) {
      boolean stopped = Thread.currentThread().isInterrupted();
      LOG.warn(
          "stack={} event=stack-prebuild-ended reason={} error=\"{}\"",
          name,
          stopped ? "closed" : "failed",
          e.getMessage());
    }
  }

  @Override
  public void close() {
    Thread t = thread.get();
    if (t != null && t.isAlive()) {
      t.interrupt();
      LOG.info("stack={} event=stack-prebuild-interrupted", stack.layerName());
    }
  }
}
