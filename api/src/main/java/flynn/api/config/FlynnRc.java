package flynn.api.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Flynn's CLI config ({@code $FLYNNRC}, else {@code ~/.flynnrc}): a {@code default} cluster name
 * and {@code [[cluster]]} tables. Immutable: every change returns a new value; {@link #write}
 * replaces the file atomically with mode 0600. Keys and tables it does not know are kept.
 */
public final class FlynnRc {
  static final String DEFAULT = "default";
  static final String CLUSTER = "cluster";

  private final String defaultName;
  private final List<Cluster> clusters;
  private final Map<String, String> otherTopKeys;
  private final List<TomlDocument.Section> otherSections;

  private FlynnRc(
      String defaultName,
      List<Cluster> clusters,
      Map<String, String> otherTopKeys,
      List<TomlDocument.Section> otherSections) {
    this.defaultName = defaultName == null ? "" : defaultName;
    this.clusters = List.copyOf(clusters);
    this.otherTopKeys = otherTopKeys;
    this.otherSections = otherSections;
  }

  public static FlynnRc empty() {
    return new FlynnRc("", List.of(), Map.of(), List.of());
  }

  /** {@code $FLYNNRC} when set and not empty, else {@code <home>/.flynnrc}. */
  public static Path path(String flynnrcEnv, Path home) {
    return flynnrcEnv != null && !flynnrcEnv.isEmpty()
        ? Path.of(flynnrcEnv)
        : home.resolve(".flynnrc");
  }

  /** The config file of the current user: {@link #path} from the process environment. */
  public static Path defaultPath() {
    return path(System.getenv("FLYNNRC"), Path.of(System.getProperty("user.home")));
  }

  /** Reads the file; a missing file is an empty config. */
  public static FlynnRc read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (NoSuchFileException e) {
      return empty();
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses config text; {@code source} names it in error messages. */
  public static FlynnRc parse(String text, String source) {
    TomlDocument doc = Toml.parse(text, source);
    Map<String, String> top = new LinkedHashMap<>(doc.top());
    String defaultRaw = removeIgnoringCase(top, DEFAULT);
    String defaultName = defaultRaw == null ? "" : Toml.string(defaultRaw, source, DEFAULT);
    List<Cluster> clusters = new ArrayList<>();
    List<TomlDocument.Section> others = new ArrayList<>();
    for (TomlDocument.Section section : doc.sections()) {
      if (section.arrayItem() && section.name().equals(CLUSTER)) {
        clusters.add(ClusterTable.read(section.entries(), source, clusters.size() + 1));
      } else {
        others.add(section);
      }
    }
    return new FlynnRc(defaultName, clusters, top, others);
  }

  /**
   * Adds or replaces the cluster with {@code cluster.name()} and, when {@code makeDefault} (or when
   * it is the only cluster), makes it the default. Called when a cluster comes up.
   */
  public static void upsertCluster(Path file, Cluster cluster, boolean makeDefault) {
    read(file).upsert(cluster, makeDefault).write(file);
  }

  /** The name of the default cluster, or "" when none is set. */
  public String defaultName() {
    return defaultName;
  }

  public List<Cluster> clusters() {
    return clusters;
  }

  public Optional<Cluster> cluster(String name) {
    return clusters.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The cluster to talk to, as Flynn picks it: the named one, else the default, else the first. */
  public Cluster select(String name) {
    if (clusters.isEmpty()) {
      throw new ConfigException(
          "no clusters configured: add one with 'flynn cluster add NAME CONTROLLER_URL KEY'");
    }
    String wanted = name != null && !name.isEmpty() ? name : defaultName;
    if (wanted.isEmpty()) {
      return clusters.get(0);
    }
    return cluster(wanted)
        .orElseThrow(() -> new ConfigException("unknown cluster \"" + wanted + "\""));
  }

  /** Replaces the cluster of the same name in place, or appends it. */
  public FlynnRc upsert(Cluster cluster, boolean makeDefault) {
    List<Cluster> next = new ArrayList<>(clusters);
    int i = indexOf(cluster.name());
    if (i >= 0) {
      next.set(i, cluster);
    } else {
      next.add(cluster);
    }
    boolean becomesDefault = makeDefault || next.size() == 1;
    return new FlynnRc(
        becomesDefault ? cluster.name() : defaultName, next, otherTopKeys, otherSections);
  }

  /**
   * Adds a cluster as {@code flynn cluster add} does: a cluster with the same name or URLs is a
   * conflict unless {@code force}, which replaces it.
   */
  public FlynnRc add(Cluster cluster, boolean force, boolean makeDefault) {
    List<Cluster> next = new ArrayList<>(clusters);
    Optional<Cluster> conflict = ClusterConflicts.find(clusters, cluster);
    if (conflict.isPresent()) {
      if (!force) {
        throw new ConfigException(
            ClusterConflicts.describe(conflict.get(), cluster) + " (use -f to replace it)");
      }
      next.remove(conflict.get());
    }
    next.add(cluster);
    boolean becomesDefault = makeDefault || next.size() == 1;
    return new FlynnRc(
        becomesDefault ? cluster.name() : defaultName, next, otherTopKeys, otherSections);
  }

  /** Removes the named cluster; if it was the default, the first remaining one becomes default. */
  public FlynnRc remove(String name) {
    if (indexOf(name) < 0) {
      throw new ConfigException("unknown cluster \"" + name + "\"");
    }
    List<Cluster> next = new ArrayList<>(clusters);
    next.remove(indexOf(name));
    String nextDefault = defaultName;
    if (defaultName.equals(name)) {
      nextDefault = next.isEmpty() ? "" : next.get(0).name();
    }
    return new FlynnRc(nextDefault, next, otherTopKeys, otherSections);
  }

  public FlynnRc withDefault(String name) {
    if (indexOf(name) < 0) {
      throw new ConfigException(
          "Cluster \"" + name + "\" does not exist and cannot be set as default.");
    }
    return new FlynnRc(name, clusters, otherTopKeys, otherSections);
  }

  /** The file text, in the layout Flynn's TOML encoder writes. */
  public String format() {
    if (clusters.isEmpty() && otherSections.isEmpty() && otherTopKeys.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append(DEFAULT).append(" = ").append(Toml.quote(defaultName)).append('\n');
    otherTopKeys.forEach((k, v) -> out.append(Toml.key(k)).append(" = ").append(v).append('\n'));
    for (Cluster cluster : clusters) {
      out.append("\n[[").append(CLUSTER).append("]]\n");
      ClusterTable.write(cluster).forEach(kv -> appendIndented(out, kv));
    }
    for (TomlDocument.Section s : otherSections) {
      String name = Toml.key(s.name());
      out.append('\n').append(s.arrayItem() ? "[[" + name + "]]" : "[" + name + "]").append('\n');
      s.entries().forEach((k, v) -> appendIndented(out, Map.entry(k, v)));
    }
    return out.append('\n').toString();
  }

  /** Writes the config atomically (a temp file in the same directory, then rename), mode 0600. */
  public void write(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path tmp = createPrivateTemp(dir, file.getFileName().toString());
      try {
        Files.writeString(tmp, format(), StandardCharsets.UTF_8);
        moveIntoPlace(tmp, file);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new ConfigException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static Path createPrivateTemp(Path dir, String name) throws IOException {
    try {
      return Files.createTempFile(
          dir,
          "." + name,
          ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      return Files.createTempFile(dir, "." + name, ".tmp");
    }
  }

  private static void moveIntoPlace(Path tmp, Path file) throws IOException {
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void appendIndented(StringBuilder out, Map.Entry<String, String> kv) {
    out.append("  ").append(Toml.key(kv.getKey())).append(" = ").append(kv.getValue()).append('\n');
  }

  private int indexOf(String name) {
    for (int i = 0; i < clusters.size(); i++) {
      if (clusters.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  static String removeIgnoringCase(Map<String, String> entries, String key) {
    if (entries.containsKey(key)) {
      return entries.remove(key);
    }
    for (String k : List.copyOf(entries.keySet())) {
      if (k.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
        return entries.remove(k);
      }
    }
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlynnRc other && format().equals(other.format());
  }

  @Override
  public int hashCode() {
    return format().hashCode();
  }

  @Override
  public String toString() {
    return "FlynnRc[default=" + defaultName + ", clusters=" + clusters.size() + "]";
  }
}
