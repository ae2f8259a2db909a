package flynn.controller.releases;

import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.api.host.Port;
import flynn.api.host.ResourceSpec;
import flynn.api.host.Resources;
import flynn.api.http.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What makes a release valid, and its normal form: Flynn's deprecated fields ({@code artifact},
 * {@code cmd}, {@code entrypoint}, {@code data}) folded into the current ones. Pure: the caller
 * checks that referenced apps and artifacts exist.
 */
public final class ReleaseRules {
  private static final Pattern PROCESS_TYPE = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}$");

  private ReleaseRules() {}

  /** The release to store (without id, app and time, which the caller sets) or a 400. */
  public static Release normalize(Release r) {
    List<String> artifacts = artifactIds(r);
    Map<String, String> env = r.env();
    if (env != null && env.containsKey("")) {
      throw ApiException.validation(
          "env", "env var names must not be empty (tried to set \"\"=\"" + env.get("") + "\")");
    }
    Map<String, ProcessType> processes = new LinkedHashMap<>();
    if (r.processes() != null) {
      r.processes().forEach((type, proc) -> processes.put(type, processType(type, proc)));
    }
    return new Release(
        r.id(), r.appId(), artifacts, env, r.meta(), processes, null, firstOrNull(artifacts));
  }

  static List<String> artifactIds(Release r) {
    if (r.artifacts() != null && !r.artifacts().isEmpty()) {
      return List.copyOf(r.artifacts());
    }
    return r.legacyArtifact() == null ? List.of() : List.of(r.legacyArtifact());
  }

  static ProcessType processType(String type, ProcessType p) {
    String field = "processes." + type;
    if (!PROCESS_TYPE.matcher(type).matches()) {
      throw ApiException.validation(
          "processes",
          "invalid process type \""
              + type
              + "\" (use letters, digits, '-' and '_', at most 63 characters)");
    }
    if (p == null) {
      throw ApiException.validation(field, "process type " + type + " must be an object");
    }
    List<String> args = p.effectiveArgs();
    if (args.isEmpty()) {
      throw ApiException.validation(field + ".args", "process type " + type + " has no args");
    }
    if (p.ports() != null) {
      p.ports().forEach(port -> checkPort(field, port));
    }
    checkResources(field, p.resources());
    if (p.stopGrace() != null && p.stopGrace() < 0) {
      throw ApiException.validation(
          field + ".stop_grace", "stop_grace must be a number of seconds, 0 or more");
    }
    ProcessType normal = p.normalized();
    return normal.withResources(Resources.withDefaults(normal.resources()));
  }

  private static void checkResources(String field, Map<String, ResourceSpec> resources) {
    if (resources == null) {
      return;
    }
    resources.forEach((type, spec) -> {
      if (!Resources.isKnown(type)) {
        throw ApiException.validation(
            field + ".resources",
            "unknown resource \"" + type + "\" (use " + String.join(", ", Resources.TYPES) + ")");
      }
      if (spec == null
          || (spec.limit() != null && spec.limit() <= 0)
          || (spec.request() != null && spec.request() <= 0)) {
        throw ApiException.validation(
            field + ".resources." + type, "resource " + type + " must be a positive number");
      }
    });
  }

  private static void checkPort(String field, Port port) {
    if (port == null || !("tcp".equals(port.proto()) || "udp".equals(port.proto()))) {
      throw ApiException.validation(
          field + ".ports",
          "port proto must be tcp or udp, got " + (port == null ? null : port.proto()));
    }
    if (port.port() < 0 || port.port() > 65535) {
      throw ApiException.validation(field + ".ports", "port must be 0-65535, got " + port.port());
    }
  }

  private static String firstOrNull(List<String> ids) {
    return ids.isEmpty() ? null : ids.get(0);
  }

  /** The release as answered: {@code artifact} mirrors the first artifact for old clients. */
  public static Release withLegacyArtifact(Release r) {
    List<String> ids = r.artifacts() == null ? new ArrayList<>() : r.artifacts();
    return new Release(
        r.id(), r.appId(), ids, r.env(), r.meta(), r.processes(), r.createdAt(), firstOrNull(ids));
  }
}
