package flynn.host.stack;

import flynn.host.images.LayerException;
import flynn.host.images.StackImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack images jobs name, built when a job needs one that is missing (under the stack dir's
 * lock, so a build already running elsewhere is waited for): the job waits in {@code starting}
 * meanwhile, and the build's progress goes to the log.
 */
public final class OnDemandStacks implements StackImages {
  private static final Logger LOG = LoggerFactory.getLogger(OnDemandStacks.class);

  private final Stacks stacks;

  public OnDemandStacks(Stacks stacks) {
    this.stacks = stacks;
  }

  @Override
  public List<Path> layers(String name) {
    StackLayer stack = named(name);
    if (stacks.isBuilt(stack)) {
      return stacks.layers(stack);
    }
    LOG.info("stack={} dir={} event=stack-build-started reason=job-needs-it", name, stacks.dir());
    try {
      List<Path> layers = stacks.ensure(stack, progress(name));
      LOG.info("stack={} event=stack-ready", name);
      return layers;
    } catch (IOException | RuntimeException e) {
      LOG.warn("stack={} event=stack-build-failed error=\"{}\"", name, e.getMessage());
      throw new LayerException("cannot build the " + name + " stack: " + e.getMessage(), e);
    }
  }

  /** Whether the stack is built, so a job in it starts without waiting for a build. */
  public boolean isReady(String name) {
    return stacks.isBuilt(named(name));
  }

  static Progress progress(String name) {
    return line -> LOG.info("stack={} event=stack-build-progress line=\"{}\"", name, line);
  }

  private static StackLayer named(String name) {
    try {
      return StackLayer.named(name);
    } catch (IllegalArgumentException e) {
      throw new LayerException("the job names an unknown stack image: " + e.getMessage(), e);
    }
  }
}
