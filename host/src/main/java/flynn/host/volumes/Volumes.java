package flynn.host.volumes;

import com.fasterxml.jackson.annotation.JsonProperty;
import flynn.api.Json;
import flynn.api.host.HostVolume;
import flynn.api.host.VolumeBinding;
import flynn.api.http.ApiException;
import flynn.host.state.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The volumes of this host: each a directory {@code <dir>/<id>} that outlives the jobs using it
 * (and the daemon), with what it is for in {@code <dir>/<id>.json}. Made when the first job that
 * binds it starts; removed by {@link #delete} or, for {@code delete_on_stop}, when its job stops.
 */
public final class Volumes {
  private static final Logger LOG = LoggerFactory.getLogger(Volumes.class);
  private static final String META_SUFFIX = ".json";

  /** What is kept beside a volume's data. */
  public record Info(
      @JsonProperty("meta") Map<String, String> meta,
      @JsonProperty("created_at") OffsetDateTime createdAt) {}

  private final Path dir;
  private final Clock clock;

  public Volumes(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  /**
   * The host directories of a job's volumes, made (with {@code meta}) for those that do not exist
   * yet.
   */
  public synchronized List<VolumeMount> attach(
      String jobId, List<VolumeBinding> bindings, Map<String, String> meta) throws IOException {
    List<VolumeMount> mounts = new ArrayList<>();
    for (VolumeBinding b : bindings) {
      Path source = pathOf(b.volume());
      if (!Files.isDirectory(source)) {
        Files.createDirectories(source);
        Map<String, String> info = new HashMap<>(meta);
        info.put("path", b.target());
        Files.write(metaFile(b.volume()), Json.writeBytes(new Info(info, now())));
        LOG.info("volume={} job={} event=created path={}", b.volume(), jobId, source);
      }
      mounts.add(new VolumeMount(source, b.target(), b.writeable()));
    }
    return List.copyOf(mounts);
  }

  /** Removes the job's {@code delete_on_stop} volumes, once the job has stopped. */
  public void released(String jobId, List<VolumeBinding> bindings) {
    for (VolumeBinding b : bindings) {
      if (b.deleteOnStop()) {
        try {
          remove(b.volume());
          LOG.info("volume={} job={} event=deleted reason=delete_on_stop", b.volume(), jobId);
        } catch (IOException | RuntimeException e) {
          LOG.warn("volume={} job={} event=delete-failed error=\"{}\"", b.volume(), jobId, e);
        }
      }
    }
  }

  /** Every volume on this host; {@code held} maps volume ids to the live job using each. */
  public List<HostVolume> list(Map<String, String> held) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .map(id -> describe(id, held.get(id)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list volumes in " + dir, e);
    }
  }

  /** Deletes a volume and its data; 404 when there is none, 409 while a live job holds it. */
  public void delete(String id, Map<String, String> held) {
    VolumeIds.checked(id);
    if (!Files.isDirectory(pathOf(id))) {
      throw ApiException.notFound("volume", id);
    }
    String job = held.get(id);
    if (job != null) {
      throw ApiException.conflict("volume " + id + " is in use by job " + job);
    }
    try {
      remove(id);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete volume " + id, e);
    }
    LOG.info("volume={} event=deleted", id);
  }

  private HostVolume describe(String id, String job) {
    Info info = readInfo(id);
    return new HostVolume(
        id,
        pathOf(id).toString(),
        -1,
        job,
        info.meta() == null ? Map.of() : info.meta(),
        info.createdAt());
  }

  private Info readInfo(String id) {
    try {
      return Json.read(Files.readString(metaFile(id)), Info.class);
    } catch (IOException | RuntimeException e) {
      return new Info(Map.of(), null);
    }
  }

  private synchronized void remove(String id) throws IOException {
    FileTrees.delete(pathOf(id));
    Files.deleteIfExists(metaFile(id));
  }

  private Path pathOf(String id) {
    return dir.resolve(VolumeIds.checked(id));
  }

  private Path metaFile(String id) {
    return dir.resolve(VolumeIds.checked(id) + META_SUFFIX);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
