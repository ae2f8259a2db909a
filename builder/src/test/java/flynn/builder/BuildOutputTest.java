package flynn.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildOutputTest {
  @TempDir Path dir;

  @Test
  void procfileTypesWinOverTheBuildpacksDefaults() throws IOException {
    byte[] output =
        tar(
            Map.of(
                "slug.tgz", "slug",
                "cache.tgz", "cache",
                "Procfile", "web: bin/web --fast\nworker: bin/worker\n",
                "release.yml", "---\ndefault_process_types:\n  web: bin/web\n",
                "buildpack", "Go\n"));

    BuildResult result = BuildOutput.read(new ByteArrayInputStream(output), dir);

    assertThat(result.processTypes())
        .containsExactly(Map.entry("web", "bin/web --fast"), Map.entry("worker", "bin/worker"));
    assertThat(result.buildpack()).isEqualTo("Go");
    assertThat(result.slug()).hasContent("slug");
    assertThat(result.cache()).hasValueSatisfying(cache -> assertThat(cache).hasContent("cache"));
  }

  @Test
  void withoutAProcfileTheDefaultsAreTheTypes() throws IOException {
    byte[] output =
        tar(
            Map.of(
                "slug.tgz",
                "slug",
                "release.yml",
                "---\ndefault_process_types:\n  web: npm start\n"));

    BuildResult result = BuildOutput.read(new ByteArrayInputStream(output), dir);

    assertThat(result.processTypes()).containsExactly(Map.entry("web", "npm start"));
    assertThat(result.cache()).isEmpty();
  }

  @Test
  void failedBuildRaisesItsErrorMessage() throws IOException {
    byte[] output =
        tar(Map.of("error", "Failed to compile the Go app (bin/compile exited with status 1)\n"));

    assertThatThrownBy(() -> BuildOutput.read(new ByteArrayInputStream(output), dir))
        .isInstanceOf(BuildFailedException.class)
        .hasMessage("Failed to compile the Go app (bin/compile exited with status 1)");
  }

  @Test
  void emptyOutputIsAFailedBuild() {
    assertThatThrownBy(() -> BuildOutput.read(new ByteArrayInputStream(new byte[0]), dir))
        .isInstanceOf(BuildFailedException.class)
        .hasMessageContaining("no slug");
  }

  @Test
  void entriesOtherThanTheKnownFilesAreNotWritten() throws IOException {
    byte[] output = tar(Map.of("slug.tgz", "slug", "../escape", "x", "nested/slug.tgz", "y"));

    BuildOutput.read(new ByteArrayInputStream(output), dir.resolve("out"));

    assertThat(dir.resolve("escape")).doesNotExist();
    assertThat(dir.resolve("out/nested")).doesNotExist();
    assertThat(dir.resolve("out/slug.tgz")).hasContent("slug");
  }

  @Test
  void readsTheStreamToItsEnd() throws IOException {
    byte[] tar = tar(Map.of("slug.tgz", "slug"));
    byte[] padded = new byte[tar.length + 4096];
    System.arraycopy(tar, 0, padded, 0, tar.length);
    ByteArrayInputStream stdout = new ByteArrayInputStream(padded);

    BuildOutput.read(stdout, dir);

    assertThat(stdout.available()).isZero();
  }

  private static byte[] tar(Map<String, String> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TarWriter tar = new TarWriter(out);
    for (Map.Entry<String, String> file : files.entrySet()) {
      tar.file(file.getKey(), 0644, file.getValue());
    }
    tar.finish();
    return out.toByteArray();
  }

  @Test
  void resultFilesLandInTheGivenDir() throws IOException {
    BuildOutput.read(new ByteArrayInputStream(tar(Map.of("slug.tgz", "s"))), dir.resolve("a/b"));

    assertThat(dir.resolve("a/b").toFile().list()).containsExactly("slug.tgz");
  }
}
