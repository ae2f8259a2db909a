package flynn.host.stack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The layers of the stack image, each the packages apt adds on top of the one below: {@code base}
 * (debootstrap's minbase and what every job needs), {@code run} (the runtimes apps run on) and
 * {@code build} (what buildpacks compile with), and the database appliances on {@code base}, each
 * with Debian's server and a start script. A stack is named after its top layer.
 */
public enum StackLayer {
  BASE(null, List.of("tini", "ca-certificates", "curl", "bash", "procps")),
  RUN(BASE, List.of("python3", "nodejs", "openjdk-17-jre-headless")),
  BUILD(
      RUN,
      List.of("git", "npm", "openjdk-17-jdk-headless", "maven", "golang-go", "build-essential")),
  POSTGRES(
      BASE,
      List.of("postgresql", "postgresql-client"),
      List.of(LayerFile.startScript("flynn-postgres-start"))),
  REDIS(
      BASE,
      List.of("redis-server", "redis-tools"),
      List.of(LayerFile.startScript("flynn-redis-start"))),
  MARIADB(
      BASE,
      List.of("mariadb-server", "mariadb-client"),
      List.of(LayerFile.startScript("flynn-mariadb-start")));

  private final StackLayer below;
  private final List<String> packages;
  private final List<LayerFile> files;

  StackLayer(StackLayer below, List<String> packages) {
    this(below, packages, List.of());
  }

  StackLayer(StackLayer below, List<String> packages, List<LayerFile> files) {
    this.below = below;
    this.packages = packages;
    this.files = files;
  }

  /** The layer a stack by that name tops, e.g. {@code run}. */
  public static StackLayer named(String name) {
    return Arrays.stream(values())
        .filter(layer -> layer.layerName().equals(name.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(() ->
            new IllegalArgumentException(
                "no stack named "
                    + name
                    + ": choose one of "
                    + Arrays.stream(values())
                        .map(StackLayer::layerName)
                        .collect(Collectors.joining(", "))));
  }

  public String layerName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public List<String> packages() {
    return packages;
  }

  /** Files the layer adds after its packages, such as an appliance's start script. */
  public List<LayerFile> files() {
    return files;
  }

  /** Whether {@code other} is this layer or one under it, so rebuilding it rebuilds this one. */
  public boolean isOn(StackLayer other) {
    return chain().contains(other);
  }

  /** The layer this one is built on; null for {@code base}. */
  public StackLayer below() {
    return below;
  }

  /** This layer and those under it, bottom first: the order they are built in. */
  public List<StackLayer> chain() {
    List<StackLayer> chain = new ArrayList<>();
    for (StackLayer layer = this; layer != null; layer = layer.below) {
      chain.addFirst(layer);
    }
    return List.copyOf(chain);
  }

  /** The layers under this one, top first, as overlayfs wants its {@code lowerdir} list. */
  public List<StackLayer> lowerLayers() {
    return chain().reversed().subList(1, chain().size());
  }
}
