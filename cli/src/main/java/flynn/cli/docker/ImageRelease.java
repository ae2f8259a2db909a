package flynn.cli.docker;

import flynn.api.controller.ImageManifest;
import flynn.api.controller.ImageManifest.ImageEntrypoint;
import flynn.api.controller.ImageManifest.ImageLayer;
import flynn.api.controller.ImageManifest.ImagePlatform;
import flynn.api.controller.ImageManifest.ImageRootfs;
import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.api.host.Port;
import flynn.api.host.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code flynn docker push} makes of an image, as Flynn's CLI does: the image manifest (layers
 * and a default entrypoint from ENTRYPOINT/CMD/ENV/WORKDIR/USER) and the next release: the previous
 * one's processes, env and meta, process {@code app} running the image (with service {@code
 * <app>-web} on port 8080 unless it has ports), and the image's ENV for keys not already set.
 */
public final class ImageRelease {
  public static final String PROCESS = "app";
  static final int DEFAULT_PORT = 8080;

  private ImageRelease() {}

  /** A user the image names, as uid and gid; root, a name or none: empty (the app user). */
  record User(Integer uid, Integer gid) {
    static final User APP = new User(null, null);

    static User parse(String user) {
      if (user == null || user.isBlank()) {
        return APP;
      }
      String[] parts = user.split(":", 2);
      if (!parts[0].matches("\\d+") || Integer.parseInt(parts[0]) == 0) {
        return APP;
      }
      int uid = Integer.parseInt(parts[0]);
      int gid = parts.length == 2 && parts[1].matches("\\d+") ? Integer.parseInt(parts[1]) : uid;
      return new User(uid, gid);
    }
  }

  public static ImageManifest manifest(LocalImage image) {
    ImageConfig c = image.config();
    User user = User.parse(c.user());
    var entrypoint =
        new ImageEntrypoint(
            env(c.env()),
            c.workingDir() == null || c.workingDir().isEmpty() ? null : c.workingDir(),
            c.args(),
            null,
            user.uid(),
            user.gid());
    List<ImageLayer> layers =
        image.layers().stream()
            .map(l ->
                new ImageLayer(
                    l.sha256(), l.mediaType(), l.size(), Map.of("sha256", l.sha256()), null))
            .toList();
    return new ImageManifest(
        ImageManifest.TYPE_V1,
        null,
        Map.of(ImageManifest.DEFAULT_ENTRYPOINT, entrypoint),
        List.of(new ImageRootfs(ImagePlatform.LINUX_AMD64, layers)));
  }

  /**
   * @param previous the app's current release, or null
   */
  public static Release next(
      String appName, Release previous, String artifactId, ImageManifest manifest) {
    ImageEntrypoint entrypoint = manifest.defaultEntrypoint();
    Map<String, ProcessType> processes = new LinkedHashMap<>();
    Map<String, String> env = new LinkedHashMap<>();
    Map<String, String> meta = null;
    if (previous != null) {
      putAll(processes, previous.processes());
      putAll(env, previous.env());
      meta = previous.meta();
    }
    processes.put(PROCESS, appProcess(appName, processes.get(PROCESS), entrypoint.args()));
    if (entrypoint.env() != null) {
      entrypoint.env().forEach(env::putIfAbsent);
    }
    return new Release(null, null, List.of(artifactId), env, meta, processes, null, null);
  }

  private static ProcessType appProcess(String appName, ProcessType old, List<String> args) {
    ProcessType p =
        old == null
            ? new ProcessType(
                null, null, null, null, null, null, null, null, null, null, null, null, null)
            : old.normalized();
    boolean hasPorts = p.ports() != null && !p.ports().isEmpty();
    String service = appName + "-web";
    return new ProcessType(
        args,
        p.env(),
        hasPorts
            ? p.ports()
            : List.of(new Port(DEFAULT_PORT, "tcp", new Service(service, true, null))),
        p.volumes(),
        p.omni(),
        p.hostNetwork(),
        hasPorts ? p.service() : service,
        p.resurrect(),
        p.resources(),
        p.linuxCapabilities(),
        null,
        null,
        null);
  }

  /** {@code KEY=value} lines as a map; a line with no {@code =} is skipped, as Flynn does. */
  static Map<String, String> env(List<String> lines) {
    Map<String, String> env = new LinkedHashMap<>();
    if (lines != null) {
      for (String line : lines) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          env.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    }
    return env;
  }

  private static <V> void putAll(Map<String, V> into, Map<String, V> from) {
    if (from != null) {
      into.putAll(from);
    }
  }
}
