package flynn.api.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps a {@code [[cluster]]} table to a {@link Cluster} and back, in Flynn's key order. */
final class ClusterTable {
  static final String NAME = "Name";
  static final String OAUTH_URL = "OAuthURL";
  static final String KEY = "Key";
  static final String TLS_PIN = "TLSPin";
  static final String CONTROLLER_URL = "ControllerURL";
  static final String GIT_URL = "GitURL";
  static final String IMAGE_URL = "ImageURL";
  static final String DOCKER_PUSH_URL = "DockerPushURL";

  private ClusterTable() {}

  static Cluster read(Map<String, String> entries, String source, int index) {
    Map<String, String> rest = new LinkedHashMap<>(entries);
    String where = source + " cluster #" + index;
    String name = string(rest, NAME, where);
    if (name.isEmpty()) {
      throw new ConfigException(where + " has no Name");
    }
    return new Cluster(
        name,
        string(rest, KEY, where),
        string(rest, TLS_PIN, where),
        string(rest, CONTROLLER_URL, where),
        string(rest, GIT_URL, where),
        string(rest, IMAGE_URL, where),
        rest);
  }

  /** Key/raw-value pairs in the order Flynn's encoder writes its struct fields. */
  static List<Map.Entry<String, String>> write(Cluster c) {
    Map<String, String> extra = new LinkedHashMap<>(c.extra());
    List<Map.Entry<String, String>> out = new ArrayList<>();
    out.add(Map.entry(NAME, Toml.quote(c.name())));
    moveExtra(extra, OAUTH_URL, out);
    addIfSet(out, KEY, c.key());
    addIfSet(out, TLS_PIN, c.tlsPin());
    out.add(Map.entry(CONTROLLER_URL, Toml.quote(c.controllerUrl())));
    out.add(Map.entry(GIT_URL, Toml.quote(c.gitUrl())));
    out.add(Map.entry(IMAGE_URL, Toml.quote(c.imageUrl())));
    moveExtra(extra, DOCKER_PUSH_URL, out);
    out.addAll(extra.entrySet());
    return out;
  }

  private static String string(Map<String, String> rest, String key, String where) {
    String raw = FlynnRc.removeIgnoringCase(rest, key);
    return raw == null ? "" : Toml.string(raw, where, key);
  }

  private static void addIfSet(List<Map.Entry<String, String>> out, String key, String value) {
    if (!value.isEmpty()) {
      out.add(Map.entry(key, Toml.quote(value)));
    }
  }

  private static void moveExtra(
      Map<String, String> extra, String key, List<Map.Entry<String, String>> out) {
    String raw = extra.remove(key);
    if (raw != null) {
      out.add(Map.entry(key, raw));
    }
  }
}
