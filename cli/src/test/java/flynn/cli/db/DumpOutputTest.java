package flynn.cli.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.cli.CliException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpOutputTest {
  private static final byte[] BINARY = binary();

  @TempDir Path dir;

  @Test
  void aSuccessfulDumpLandsInTheFileByteForByte() throws Exception {
    Path target = dir.resolve("db.dump");

    long size =
        DumpOutput.toFile(
            target,
            "pg_dump",
            out -> {
              out.write(BINARY);
              return 0;
            });

    assertThat(size).isEqualTo(BINARY.length);
    assertThat(Files.readAllBytes(target)).isEqualTo(BINARY);
    onlyTarget(dir);
  }

  @Test
  void aFailedDumpLeavesNoPartialFile() {
    Path target = dir.resolve("db.dump");

    assertThatThrownBy(() -> DumpOutput.toFile(target, "pg_dump", out -> failAfter(out)))
        .isInstanceOf(CliException.class)
        .hasMessage("pg_dump failed (exit status 1); no file written");

    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void aFailedDumpKeepsTheFileItWouldHaveReplaced() throws Exception {
    Path target = Files.write(dir.resolve("db.dump"), new byte[] {42});

    assertThatThrownBy(() -> DumpOutput.toFile(target, "mysqldump", out -> failAfter(out)))
        .isInstanceOf(CliException.class);

    assertThat(Files.readAllBytes(target)).containsExactly(42);
    onlyTarget(dir);
  }

  @Test
  void aDumpToAStreamPassesItsBytesThrough() throws Exception {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    long size =
        DumpOutput.toStream(
            stdout,
            "pg_dump",
            out -> {
              out.write(BINARY);
              return 0;
            });

    assertThat(size).isEqualTo(BINARY.length);
    assertThat(stdout.toByteArray()).isEqualTo(BINARY);
  }

  private static int failAfter(OutputStream out) throws IOException {
    out.write(BINARY);
    return 1;
  }

  private static void onlyTarget(Path directory) {
    try (var files = Files.list(directory)) {
      assertThat(files).containsExactly(directory.resolve("db.dump"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every byte value, a CR LF pair and a NUL run: what a text conversion would mangle. */
  private static byte[] binary() {
    byte[] b = new byte[300];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) i;
    }
    b[10] = '\r';
    b[11] = '\n';
    return b;
  }
}
