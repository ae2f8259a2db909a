package flynn.host.state;

import com.fasterxml.jackson.annotation.JsonProperty;
import flynn.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;

/**
 * {@code host-jobs.json}: the jobs with live processes. Written whole to a temporary file, synced,
 * then renamed over the old one, so a crash leaves either the old or the new list, never half.
 */
public final class StateFile {
  public static final String NAME = "host-jobs.json";

  private record Document(@JsonProperty("jobs") List<RunningRecord> jobs) {}

  private final Path file;
  private final Path temp;

  public StateFile(Path stateDir) {
    this.file = stateDir.resolve(NAME);
    this.temp = stateDir.resolve(NAME + ".tmp");
  }

  public Path path() {
    return file;
  }

  /** The jobs recorded by the last save; none when there is no file yet. */
  public List<RunningRecord> load() {
    try {
      Document doc = Json.mapper().readValue(Files.readAllBytes(file), Document.class);
      return doc.jobs() == null ? List.of() : List.copyOf(doc.jobs());
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + file + " (remove it to start without recovery)", e);
    }
  }

  public synchronized void save(Collection<RunningRecord> jobs) {
    byte[] bytes = Json.writeBytes(new Document(List.copyOf(jobs)));
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel out =
          FileChannel.open(
              temp,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          out.write(buf);
        }
        out.force(true);
      }
      move();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private void move() throws IOException {
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
