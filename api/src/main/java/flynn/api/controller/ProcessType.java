package flynn.api.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import flynn.api.host.Port;
import flynn.api.host.ResourceSpec;
import java.util.List;
import java.util.Map;

/**
 * One process type of a release. {@code cmd} and {@code entrypoint} are Flynn's deprecated forms of
 * {@code args}; {@link #effectiveArgs()} folds them in. {@code stop_grace} (seconds between SIGTERM
 * and SIGKILL when a job of the type is stopped) is this platform's addition; Flynn always gave 10
 * s.
 */
public record ProcessType(
    @JsonProperty("args") List<String> args,
    @JsonProperty("env") Map<String, String> env,
    @JsonProperty("ports") List<Port> ports,
    @JsonProperty("volumes") List<VolumeReq> volumes,
    @JsonProperty("omni") Boolean omni,
    @JsonProperty("host_network") Boolean hostNetwork,
    @JsonProperty("service") String service,
    @JsonProperty("resurrect") Boolean resurrect,
    @JsonProperty("resources") Map<String, ResourceSpec> resources,
    @JsonProperty("linux_capabilities") List<String> linuxCapabilities,
    @JsonProperty("cmd") List<String> deprecatedCmd,
    @JsonProperty("entrypoint") List<String> deprecatedEntrypoint,
    @JsonProperty("data") Boolean deprecatedData,
    @JsonProperty("stop_grace") Integer stopGrace) {

  /** How long a job of a type with no {@code stop_grace} has between SIGTERM and SIGKILL. */
  public static final int DEFAULT_STOP_GRACE_SECONDS = 10;

  /** Without {@code stop_grace} (this platform's addition): the host's default grace. */
  public ProcessType(
      List<String> args,
      Map<String, String> env,
      List<Port> ports,
      List<VolumeReq> volumes,
      Boolean omni,
      Boolean hostNetwork,
      String service,
      Boolean resurrect,
      Map<String, ResourceSpec> resources,
      List<String> linuxCapabilities,
      List<String> deprecatedCmd,
      List<String> deprecatedEntrypoint,
      Boolean deprecatedData) {
    this(
        args,
        env,
        ports,
        volumes,
        omni,
        hostNetwork,
        service,
        resurrect,
        resources,
        linuxCapabilities,
        deprecatedCmd,
        deprecatedEntrypoint,
        deprecatedData,
        null);
  }

  /** A process type that runs {@code args}, every other field unset. */
  public static ProcessType of(List<String> args) {
    return new ProcessType(
        args, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** {@code args}, or the deprecated {@code entrypoint} followed by {@code cmd}. */
  public List<String> effectiveArgs() {
    if (args != null && !args.isEmpty()) {
      return args;
    }
    var out = new java.util.ArrayList<String>();
    if (deprecatedEntrypoint != null) {
      out.addAll(deprecatedEntrypoint);
    }
    if (deprecatedCmd != null) {
      out.addAll(deprecatedCmd);
    }
    return List.copyOf(out);
  }

  /** True when this uses the deprecated {@code data} flag instead of {@code volumes}. */
  public boolean usesDeprecatedData() {
    return Boolean.TRUE.equals(deprecatedData) && (volumes == null || volumes.isEmpty());
  }

  /**
   * The same process type in today's fields: {@code entrypoint} and {@code cmd} folded into {@code
   * args}, {@code data: true} into a {@code /data} volume.
   */
  public ProcessType normalized() {
    List<String> a = effectiveArgs();
    return new ProcessType(
        a.isEmpty() ? null : a,
        env,
        ports,
        usesDeprecatedData() ? List.of(new VolumeReq("/data", null)) : volumes,
        omni,
        hostNetwork,
        service,
        resurrect,
        resources,
        linuxCapabilities,
        null,
        null,
        null,
        stopGrace);
  }

  public ProcessType withEnv(Map<String, String> newEnv) {
    return new ProcessType(
        args,
        newEnv,
        ports,
        volumes,
        omni,
        hostNetwork,
        service,
        resurrect,
        resources,
        linuxCapabilities,
        deprecatedCmd,
        deprecatedEntrypoint,
        deprecatedData,
        stopGrace);
  }

  public ProcessType withVolumes(List<VolumeReq> newVolumes) {
    return new ProcessType(
        args,
        env,
        ports,
        newVolumes,
        omni,
        hostNetwork,
        service,
        resurrect,
        resources,
        linuxCapabilities,
        deprecatedCmd,
        deprecatedEntrypoint,
        deprecatedData,
        stopGrace);
  }

  public ProcessType withResources(Map<String, ResourceSpec> newResources) {
    return new ProcessType(
        args,
        env,
        ports,
        volumes,
        omni,
        hostNetwork,
        service,
        resurrect,
        newResources,
        linuxCapabilities,
        deprecatedCmd,
        deprecatedEntrypoint,
        deprecatedData,
        stopGrace);
  }

  public boolean isOmni() {
    return Boolean.TRUE.equals(omni);
  }
}
