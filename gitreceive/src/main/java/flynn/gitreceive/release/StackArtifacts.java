package flynn.gitreceive.release;

import flynn.api.controller.ControllerClient;
import flynn.api.controller.SlugArtifacts;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The artifact ids of the host's stack images, created once through the controller (which answers
 * an existing artifact with the same uri, so every gitreceive shares one per stack).
 */
public final class StackArtifacts {
  private final ControllerClient controller;
  private final Map<String, String> ids = new ConcurrentHashMap<>();

  public StackArtifacts(ControllerClient controller) {
    this.controller = controller;
  }

  /** The artifact id of stack {@code name} ({@link SlugArtifacts#STACK_RUN} or _BUILD). */
  public String id(String name) {
    return ids.computeIfAbsent(
        name, n -> controller.releases().createArtifact(SlugArtifacts.stack(n)).id());
  }
}
