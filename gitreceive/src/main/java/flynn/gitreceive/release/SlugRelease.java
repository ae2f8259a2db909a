package flynn.gitreceive.release;

import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.api.host.HealthCheck;
import flynn.api.host.Port;
import flynn.api.host.Service;
import flynn.builder.Slugrunner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The release of a build: the run stack and the slug as artifacts, one process type per Procfile
 * entry (run by the slugrunner), {@code web} and {@code *-web} with port 8080 and service {@code
 * <app>-<type>} checked over tcp; env, meta and per-type settings (limits, volumes...) carried over
 * from the previous release.
 */
public final class SlugRelease {
  public static final int WEB_PORT = 8080;

  private SlugRelease() {}

  /**
   * @param previous the app's current release, or null
   * @param processTypes the build's process types: name to command
   * @param args how a command becomes a process type's args ({@link Slugrunner#args})
   */
  public static Release of(
      String appId,
      String appName,
      String runStack,
      String slugArtifact,
      String commit,
      Release previous,
      Map<String, String> processTypes,
      Function<String, List<String>> args) {
    Map<String, String> meta = new TreeMap<>();
    if (previous != null && previous.meta() != null) {
      meta.putAll(previous.meta());
    }
    meta.put("git", "true");
    meta.put("git.commit", commit);
    Map<String, ProcessType> processes = new LinkedHashMap<>();
    new TreeMap<>(processTypes)
        .forEach((type, command) ->
            processes.put(
                type, process(appName, type, args.apply(command), carried(previous, type))));
    return new Release(
        null,
        appId,
        List.of(runStack, slugArtifact),
        previous == null || previous.env() == null ? Map.of() : previous.env(),
        meta,
        processes,
        null,
        null);
  }

  static boolean isWeb(String type) {
    return type.equals("web") || type.endsWith("-web");
  }

  private static ProcessType carried(Release previous, String type) {
    if (previous == null || previous.processes() == null) {
      return null;
    }
    return previous.processes().get(type);
  }

  private static ProcessType process(
      String appName, String type, List<String> args, ProcessType old) {
    List<Port> ports =
        isWeb(type)
            ? List.of(
                new Port(
                    WEB_PORT, "tcp", new Service(appName + "-" + type, true, HealthCheck.tcp())))
            : old == null ? null : old.ports();
    return new ProcessType(
        args,
        old == null ? null : old.env(),
        ports,
        old == null ? null : old.volumes(),
        old == null ? null : old.omni(),
        old == null ? null : old.hostNetwork(),
        old == null ? null : old.service(),
        old == null ? null : old.resurrect(),
        old == null ? null : old.resources(),
        old == null ? null : old.linuxCapabilities(),
        null,
        null,
        null);
  }
}
