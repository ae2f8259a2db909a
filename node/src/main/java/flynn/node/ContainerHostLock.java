package flynn.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The machine's one flynn-host that runs containers: their jobs share bridge {@code flynnbr0}, its
 * addresses and the firewall table, so a second one would hand out the same addresses and tear down
 * the first one's firewall when it stops. Held as a file lock, which the kernel releases when the
 * holder dies, even by kill -9.
 */
final class ContainerHostLock implements AutoCloseable {
  static final Path MACHINE_LOCK = Path.of("/run/flynn-host-containers.lock");

  private final FileChannel channel;
  private final FileLock lock;

  private ContainerHostLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static ContainerHostLock acquire(Path lockFile, Path stateDir) {
    try {
      FileChannel channel =
          FileChannel.open(
              lockFile,
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        String holder = Files.readString(lockFile).trim();
        channel.close();
        throw new IllegalStateException(
            "another flynn-host runs containers on this machine ("
                + holder
                + "); they would share bridge flynnbr0, its addresses and its firewall: stop it"
                + " first, or start this one with --runner process");
      }
      channel.truncate(0);
      String holder = "pid " + ProcessHandle.current().pid() + ", state dir " + stateDir;
      channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)));
      return new ContainerHostLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + lockFile + ": " + e.getMessage(), e);
    }
  }

  /** Null when held: by another process, or by another node in this JVM (tests). */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
