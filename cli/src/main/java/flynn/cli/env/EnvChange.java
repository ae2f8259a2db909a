package flynn.cli.env;

import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.cli.CliException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Env changes as Flynn applies them: a copy of the current release with variables set (present
 * value) or removed (empty), on the release or on one process type. Pure.
 */
public final class EnvChange {
  private EnvChange() {}

  /** {@code KEY=VALUE} arguments, in order; a value may itself contain '='. */
  public static Map<String, Optional<String>> sets(List<String> pairs) {
    Map<String, Optional<String>> changes = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new CliException("invalid var format: \"" + pair + "\" (want KEY=VALUE)");
      }
      changes.put(pair.substring(0, eq), Optional.of(pair.substring(eq + 1)));
    }
    return changes;
  }

  public static Map<String, Optional<String>> unsets(List<String> keys) {
    Map<String, Optional<String>> changes = new LinkedHashMap<>();
    keys.forEach(k -> changes.put(k, Optional.empty()));
    return changes;
  }

  /**
   * The next release: {@code current} (null when the app has none) with the changes applied to its
   * env, or to process {@code proc}'s env when proc is not null. Id and time are cleared.
   */
  public static Release apply(Release current, String proc, Map<String, Optional<String>> changes) {
    Release base = current != null ? current : emptyRelease(proc);
    if (proc == null) {
      return copy(base, change(base.env(), changes), base.processes());
    }
    if (base.processes() == null || !base.processes().containsKey(proc)) {
      throw new CliException("process \"" + proc + "\" in release " + base.id() + " not found");
    }
    Map<String, ProcessType> processes = new LinkedHashMap<>(base.processes());
    ProcessType p = processes.get(proc);
    processes.put(proc, withEnv(p, change(p == null ? null : p.env(), changes)));
    return copy(base, base.env(), processes);
  }

  /** The variables {@code flynn env} lists: the release's, overlaid by the process type's. */
  public static Map<String, String> visible(Release release, String proc) {
    Map<String, String> env = new TreeMap<>(release.env() == null ? Map.of() : release.env());
    if (proc != null && release.processes() != null) {
      ProcessType p = release.processes().get(proc);
      if (p != null && p.env() != null) {
        env.putAll(p.env());
      }
    }
    return env;
  }

  private static Map<String, String> change(
      Map<String, String> env, Map<String, Optional<String>> changes) {
    Map<String, String> next = new LinkedHashMap<>(env == null ? Map.of() : env);
    changes.forEach((k, v) -> v.ifPresentOrElse(value -> next.put(k, value), () -> next.remove(k)));
    return next;
  }

  private static Release emptyRelease(String proc) {
    Map<String, ProcessType> processes =
        proc == null ? null : Map.of(proc, withEnv(null, Map.of()));
    return new Release(null, null, null, null, null, processes, null, null);
  }

  private static Release copy(
      Release r, Map<String, String> env, Map<String, ProcessType> processes) {
    return new Release(null, null, r.artifacts(), env, r.meta(), processes, null, null);
  }

  private static ProcessType withEnv(ProcessType p, Map<String, String> env) {
    if (p == null) {
      return new ProcessType(
          null, env, null, null, null, null, null, null, null, null, null, null, null);
    }
    return p.withEnv(env);
  }
}
