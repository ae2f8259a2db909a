package flynn.builder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes regular files into a tar on a stream it does not close. */
final class TarWriter {
  private static final int BUILD_UID = 10000;

  private final TarArchiveOutputStream tar;

  TarWriter(OutputStream out) {
    this.tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  void file(String name, int mode, byte[] content) throws IOException {
    tar.putArchiveEntry(entry(name, mode, content.length));
    tar.write(content);
    tar.closeArchiveEntry();
  }

  void file(String name, int mode, String content) throws IOException {
    file(name, mode, content.getBytes(StandardCharsets.UTF_8));
  }

  void file(String name, int mode, Path content) throws IOException {
    tar.putArchiveEntry(entry(name, mode, Files.size(content)));
    Files.copy(content, tar);
    tar.closeArchiveEntry();
  }

  /** Ends the archive and flushes it; the stream stays open. */
  void finish() throws IOException {
    tar.finish();
    tar.flush();
  }

  // Owned by the build user, so the tar extracts the same whoever runs it.
  private static TarArchiveEntry entry(String name, int mode, long size) {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setMode(mode);
    entry.setSize(size);
    entry.setIds(BUILD_UID, BUILD_UID);
    return entry;
  }
}
