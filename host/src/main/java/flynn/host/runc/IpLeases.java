package flynn.host.runc;

import com.fasterxml.jackson.annotation.JsonProperty;
import flynn.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The addresses handed to containers, kept in {@code ip-leases.json} (address to container id) so a
 * restarted daemon does not give a leftover container's address to a new job. Written whole to a
 * temporary file and renamed over the old one.
 */
public final class IpLeases {
  private static final Logger LOG = LoggerFactory.getLogger(IpLeases.class);
  public static final String FILE = "ip-leases.json";

  private record Document(@JsonProperty("leases") Map<String, String> leases) {}

  private final IpAllocator allocator;
  private final Path file;
  private final Map<String, String> leases;

  public IpLeases(NetworkConfig network, Path stateDir) {
    this.allocator = new IpAllocator(network);
    this.file = stateDir.resolve(FILE);
    this.leases = load(file);
  }

  /** The container's address: the one it already holds, or a new one. */
  public synchronized String acquire(String containerId) {
    Optional<String> held = addressOf(containerId);
    if (held.isPresent()) {
      return held.get();
    }
    String address =
        allocator
            .next(leases.keySet())
            .orElseThrow(() -> new IllegalStateException("no free job address left in " + file));
    leases.put(address, containerId);
    save();
    LOG.info("container={} ip={} event=ip-leased", containerId, address);
    return address;
  }

  /** Frees the container's address; false when it held none. */
  public synchronized boolean release(String containerId) {
    boolean removed = leases.values().removeIf(containerId::equals);
    if (removed) {
      save();
      LOG.info("container={} event=ip-released", containerId);
    }
    return removed;
  }

  public synchronized Map<String, String> snapshot() {
    return Map.copyOf(leases);
  }

  private Optional<String> addressOf(String containerId) {
    return leases.entrySet().stream()
        .filter(e -> e.getValue().equals(containerId))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  private static Map<String, String> load(Path file) {
    try {
      Document doc = Json.mapper().readValue(Files.readAllBytes(file), Document.class);
      return doc.leases() == null ? new TreeMap<>() : new TreeMap<>(doc.leases());
    } catch (NoSuchFileException e) {
      return new TreeMap<>();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " (remove it to reset leases)", e);
    }
  }

  private void save() {
    Path temp = file.resolveSibling(FILE + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      Files.write(temp, Json.writeBytes(new Document(leases)));
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
