package flynn.host.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerUnpackerTest {
  @TempDir Path dir;

  private Path root() throws IOException {
    return Files.createDirectories(dir.resolve("root"));
  }

  private static void apply(Path root, byte[] layer) throws IOException {
    LayerUnpacker.apply(new ByteArrayInputStream(layer), root, false);
  }

  @Test
  void slugFilesTheTarGivesToTheAppUserStayItsAndRootsStayRoots() throws IOException {
    Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name")), "giving files owners needs root");
    Path root = root();
    byte[] slug =
        new TestLayers()
            .ownedBy(10_000)
            .dir("app")
            .file("app/server.js", "listen()", 0100644)
            .dir("app/node_modules")
            .ownedBy(0)
            .file("app/readonly.txt", "x", 0100644)
            .gzip();

    LayerUnpacker.apply(new ByteArrayInputStream(slug), root, true);

    for (String appUsers : new String[] {"app", "app/server.js", "app/node_modules"}) {
      assertThat(Files.getAttribute(root.resolve(appUsers), "unix:uid", LinkOption.NOFOLLOW_LINKS))
          .as(appUsers)
          .isEqualTo(10_000);
    }
    assertThat(Files.getAttribute(root.resolve("app/readonly.txt"), "unix:uid")).isEqualTo(0);
    assertThat(Files.getPosixFilePermissions(root.resolve("app")))
        .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void unpacksFilesDirsSymlinksAndHardlinksWithModes() throws IOException {
    Path root = root();
    apply(
        root,
        new TestLayers()
            .dir("bin")
            .file("bin/tool", "#!/bin/sh\n", 0100755)
            .symlink("bin/alias", "tool")
            .hardlink("bin/copy", "bin/tool")
            .device("dev/null")
            .gzip());

    assertThat(root.resolve("bin/tool")).hasContent("#!/bin/sh");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("bin/tool"))))
        .isEqualTo("rwxr-xr-x");
    assertThat(Files.readSymbolicLink(root.resolve("bin/alias"))).isEqualTo(Path.of("tool"));
    assertThat(Files.isSameFile(root.resolve("bin/copy"), root.resolve("bin/tool"))).isTrue();
    assertThat(root.resolve("dev/null")).doesNotExist();
  }

  @Test
  void whiteoutRemovesALowerFileAndOpaqueEmptiesALowerDir() throws IOException {
    Path root = root();
    apply(
        root,
        new TestLayers()
            .file("etc/keep", "k")
            .file("etc/gone", "g")
            .file("var/cache/a", "a")
            .file("var/cache/b", "b")
            .tar());
    apply(
        root,
        new TestLayers()
            .file("etc/.wh.gone", "")
            .file("var/cache/new", "n")
            .file("var/cache/.wh..wh..opq", "")
            .tar());

    assertThat(root.resolve("etc/keep")).exists();
    assertThat(root.resolve("etc/gone")).doesNotExist();
    assertThat(root.resolve("etc/.wh.gone")).doesNotExist();
    assertThat(root.resolve("var/cache/new")).hasContent("n");
    assertThat(root.resolve("var/cache/a")).doesNotExist();
    assertThat(root.resolve("var/cache/.wh..wh..opq")).doesNotExist();
  }

  @Test
  void laterLayerReplacesADirWithAFile() throws IOException {
    Path root = root();
    apply(root, new TestLayers().file("x/inner", "i").tar());
    apply(root, new TestLayers().file("x", "now a file").tar());

    assertThat(root.resolve("x")).isRegularFile().hasContent("now a file");
  }

  @Test
  void parentDirectoryEntriesAreRefused() throws IOException {
    Path root = root();

    assertThatThrownBy(() -> apply(root, new TestLayers().file("../escaped", "x").tar()))
        .isInstanceOf(LayerException.class)
        .hasMessageContaining("parent directory");
    assertThat(dir.resolve("escaped")).doesNotExist();
  }

  @Test
  void absoluteEntryNamesStayInsideTheRoot() throws IOException {
    Path root = root();
    apply(root, new TestLayers().file("/etc/abs", "x").tar());

    assertThat(root.resolve("etc/abs")).hasContent("x");
  }

  @Test
  void symlinkToOutsideCannotBeWrittenThrough() throws IOException {
    Path root = root();
    Path outside = Files.createDirectories(dir.resolve("outside"));
    apply(
        root,
        new TestLayers()
            .symlink("evil", outside.toString())
            .symlink("up", "../../..")
            .file("evil/owned", "x")
            .file("up/owned2", "y")
            .tar());

    assertThat(outside.resolve("owned")).doesNotExist();
    assertThat(dir.resolve("owned2")).doesNotExist();
    assertThat(root.resolve(outside.toString().substring(1)).resolve("owned")).hasContent("x");
    assertThat(root.resolve("owned2")).hasContent("y");
  }

  @Test
  void hardlinkToOutsideIsRefused() throws IOException {
    Path root = root();
    Files.writeString(dir.resolve("secret"), "s");

    assertThatThrownBy(() -> apply(root, new TestLayers().hardlink("link", "/../secret").tar()))
        .isInstanceOf(LayerException.class);
    assertThatThrownBy(() ->
            apply(
                root,
                new TestLayers()
                    .symlink("s", dir.resolve("secret").toString())
                    .hardlink("link", "s")
                    .tar()))
        .isInstanceOf(LayerException.class)
        .hasMessageContaining("not a file here");
    assertThat(Files.exists(root.resolve("link"), LinkOption.NOFOLLOW_LINKS)).isFalse();
  }
}
