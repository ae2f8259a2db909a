package flynn.scheduler.jobs;

import flynn.api.controller.App;
import flynn.api.controller.ExpandedFormation;
import flynn.api.controller.ImageArtifacts;
import flynn.api.controller.ImageManifest.ImageEntrypoint;
import flynn.api.controller.JobIdentity;
import flynn.api.controller.ProcessType;
import flynn.api.host.ContainerConfig;
import flynn.api.host.HealthCheck;
import flynn.api.host.HostJob;
import flynn.api.host.Port;
import flynn.api.host.ResourceSpec;
import flynn.api.host.Resources;
import flynn.api.host.Service;
import flynn.api.host.VolumeBinding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the job a host runs for one process type of a formation's release. */
public final class HostJobFactory {
  public static final String META_FORMATION = "flynn-controller.formation";
  static final String SYSTEM_APP = "flynn-system-app";

  private static final ImageEntrypoint NO_IMAGE =
      new ImageEntrypoint(null, null, null, null, null, null);

  private HostJobFactory() {}

  public static HostJob build(ExpandedFormation f, String type, String hostId, String uuid) {
    return build(f, type, hostId, uuid, List.of());
  }

  /** With the volumes the host is to attach. */
  public static HostJob build(
      ExpandedFormation f, String type, String hostId, String uuid, List<VolumeBinding> volumes) {
    ProcessType process = f.release().processes().get(type);
    if (process == null) {
      throw new IllegalArgumentException(
          "release " + f.release().id() + " has no process type " + type);
    }
    String id = JobIds.of(hostId, uuid);
    ImageEntrypoint entrypoint = ImageArtifacts.entrypoint(f.artifacts(), type).orElse(NO_IMAGE);
    List<String> args = process.effectiveArgs();
    var config =
        new ContainerConfig(
            args.isEmpty() && entrypoint.args() != null ? entrypoint.args() : args,
            null,
            null,
            env(f, type, process, id, entrypoint),
            ports(process),
            entrypoint.workingDir(),
            entrypoint.uid(),
            entrypoint.gid(),
            process.hostNetwork(),
            null,
            volumes.isEmpty() ? null : volumes);
    return new HostJob(
        id,
        metadata(f.app(), f.release().id(), type),
        resources(process),
        isSystemApp(f.app()) ? "system" : null,
        config,
        process.resurrect(),
        ImageArtifacts.mountspecs(f.artifacts()),
        process.stopGrace());
  }

  /** The image's env, under the release's, under the process type's, under Flynn's own. */
  static Map<String, String> env(
      ExpandedFormation f, String type, ProcessType p, String jobId, ImageEntrypoint entrypoint) {
    Map<String, String> env = new HashMap<>();
    putAll(env, entrypoint.env());
    putAll(env, f.release().env());
    putAll(env, p.env());
    env.putAll(JobIdentity.env(f.app(), f.release().id(), type, jobId));
    return env;
  }

  static Map<String, String> metadata(App app, String releaseId, String type) {
    Map<String, String> meta = new HashMap<>();
    putAll(meta, app.meta());
    meta.putAll(JobIdentity.metadata(app, releaseId, type));
    meta.put(META_FORMATION, "true");
    return meta;
  }

  static Map<String, ResourceSpec> resources(ProcessType process) {
    return Resources.withDefaults(process.resources());
  }

  /**
   * The process type's ports; its {@code service} (with a TCP check) goes on the first port when no
   * port names one, and a service with no ports gets one port for the host to assign.
   */
  static List<Port> ports(ProcessType process) {
    List<Port> declared = process.ports() == null ? List.of() : process.ports();
    String service = process.service();
    if (declared.isEmpty()) {
      return service == null ? List.of() : List.of(new Port(0, "tcp", serviceNamed(service)));
    }
    boolean anyNamed = declared.stream().anyMatch(p -> p.service() != null);
    List<Port> ports = new ArrayList<>();
    for (Port p : declared) {
      Service s = p.service();
      if (s == null && service != null && !anyNamed && ports.isEmpty()) {
        s = serviceNamed(service);
      }
      ports.add(new Port(p.port(), p.proto() == null ? "tcp" : p.proto(), s));
    }
    return ports;
  }

  private static Service serviceNamed(String name) {
    return new Service(name, true, HealthCheck.tcp());
  }

  private static boolean isSystemApp(App app) {
    return app.meta() != null && "true".equals(app.meta().get(SYSTEM_APP));
  }

  private static void putAll(Map<String, String> into, Map<String, String> from) {
    if (from != null) {
      into.putAll(from);
    }
  }
}
