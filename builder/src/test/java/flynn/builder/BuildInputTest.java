package flynn.builder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildInputTest {
  @TempDir Path dir;

  @Test
  void inputHoldsTheBuilderTheSourceTheCacheTheEnvDirAndTheSourceVersion() throws IOException {
    Path source = Files.writeString(dir.resolve("source.tar"), "source bytes");
    Path cache = Files.writeString(dir.resolve("cache.tgz"), "cache bytes");
    Map<String, String> env = Map.of("NODE_ENV", "staging", "BUILDPACK_URL", "https://x/y.git#v2");

    Map<String, Entry> tar = read(new BuildRequest(source, Optional.of(cache), env, "abc123"));

    assertThat(tar.get("source.tar").text()).isEqualTo("source bytes");
    assertThat(tar.get("cache.tgz").text()).isEqualTo("cache bytes");
    assertThat(tar.get("env/NODE_ENV").text()).isEqualTo("staging");
    assertThat(tar.get("env/BUILDPACK_URL").text()).isEqualTo("https://x/y.git#v2");
    assertThat(tar.get("SOURCE_VERSION").text()).isEqualTo("abc123");
    assertThat(tar.get("builder/build").mode()).isEqualTo(0755);
    assertThat(tar.get("builder/build").text()).startsWith("#!/bin/bash");
    assertThat(tar)
        .containsKeys(
            "builder/lib/buildpack.sh",
            "builder/buildpacks/nodejs/bin/detect",
            "builder/buildpacks/nodejs/bin/compile",
            "builder/buildpacks/nodejs/bin/release");
  }

  @Test
  void noCacheNoCacheEntry() throws IOException {
    Path source = Files.writeString(dir.resolve("source.tar"), "s");

    assertThat(read(new BuildRequest(source, Optional.empty(), Map.of(), "abc")))
        .doesNotContainKey("cache.tgz");
  }

  @Test
  void envNamesThatAreNotPlainFileNamesStayOutOfTheEnvDir() throws IOException {
    Path source = Files.writeString(dir.resolve("source.tar"), "s");
    Map<String, String> env = Map.of("../evil", "x", "..", "y", "A/B", "z", "OK", "1");

    assertThat(read(new BuildRequest(source, Optional.empty(), env, "abc")).keySet())
        .filteredOn(name -> name.startsWith("env/"))
        .containsExactly("env/OK");
  }

  @Test
  void commandUnpacksStdinAndRunsTheBuildScript() {
    assertThat(BuildInput.command()).hasSize(3).startsWith("/bin/bash", "-c");
    assertThat(BuildInput.command().get(2)).contains("tar -x", "builder/build");
  }

  private record Entry(int mode, byte[] content) {
    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private static Map<String, Entry> read(BuildRequest request) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BuildInput.write(request, out);
    Map<String, Entry> entries = new LinkedHashMap<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        entries.put(e.getName(), new Entry(e.getMode() & 07777, tar.readAllBytes()));
      }
    }
    return entries;
  }
}
