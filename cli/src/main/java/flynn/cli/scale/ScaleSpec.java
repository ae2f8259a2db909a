package flynn.cli.scale;

import flynn.cli.CliException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of {@code flynn scale}: {@code TYPE=COUNT[,KEY=VAL...]} each, e.g. {@code web=3} or
 * {@code db=3,disk=ssd,mem=high} (a bare key means {@code KEY=true}).
 */
public record ScaleSpec(Map<String, Integer> processes, Map<String, Map<String, String>> tags) {

  public static ScaleSpec parse(List<String> args, Set<String> releaseTypes) {
    Map<String, Integer> processes = new LinkedHashMap<>();
    Map<String, Map<String, String>> tags = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 0) {
        throw new CliException("scale args must be of the form <typ>=<spec>, got \"" + arg + "\"");
      }
      String type = arg.substring(0, eq);
      String[] countAndTags = arg.substring(eq + 1).split(",", -1);
      int count = count(countAndTags[0], arg);
      if (!releaseTypes.contains(type)) {
        unknown.add("\"" + type + "\"");
        continue;
      }
      processes.put(type, count);
      if (countAndTags.length > 1) {
        tags.put(type, tags(countAndTags));
      }
    }
    if (!unknown.isEmpty()) {
      throw new CliException("unknown process types: " + String.join(", ", unknown));
    }
    return new ScaleSpec(processes, tags);
  }

  /** True when every requested count already is the current one and no tags change. */
  public boolean isNoOp(Map<String, Integer> current) {
    return tags.isEmpty()
        && processes.entrySet().stream()
            .allMatch(e -> e.getValue().equals(current.getOrDefault(e.getKey(), 0)));
  }

  private static int count(String text, String arg) {
    int count;
    try {
      count = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new CliException("could not parse quantity in \"" + arg + "\"");
    }
    if (count < 0) {
      throw new CliException("process quantities cannot be negative in \"" + arg + "\"");
    }
    return count;
  }

  private static Map<String, String> tags(String[] countAndTags) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (int i = 1; i < countAndTags.length; i++) {
      String[] kv = countAndTags[i].split("=", 2);
      if (kv.length == 1 && !kv[0].isEmpty()) {
        tags.put(kv[0], "true");
      } else if (kv.length == 2) {
        tags.put(kv[0], kv[1]);
      }
    }
    return tags;
  }
}
