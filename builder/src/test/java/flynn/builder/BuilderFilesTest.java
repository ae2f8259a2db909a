package flynn.builder;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.builder.BuilderFiles.BuilderFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BuilderFilesTest {
  private static final Path RESOURCES = Path.of("src/main/resources/flynn/builder");

  @Test
  void indexListsEveryResourceSoNoneIsLeftOutOfABuild() throws IOException {
    List<String> onDisk;
    try (Stream<Path> files = Files.walk(RESOURCES)) {
      onDisk =
          files
              .filter(Files::isRegularFile)
              .map(file -> RESOURCES.relativize(file).toString())
              .filter(name -> !name.equals("files.txt"))
              .toList();
    }

    assertThat(BuilderFiles.all())
        .extracting(BuilderFile::path)
        .containsExactlyInAnyOrderElementsOf(onDisk);
  }

  @Test
  void everyBuildpackHasAnExecutableDetectCompileAndRelease() {
    List<BuilderFile> files = BuilderFiles.all();
    for (String buildpack : List.of("nodejs", "java", "go", "python", "static", "procfile")) {
      for (String script : List.of("detect", "compile", "release")) {
        String path = "buildpacks/" + buildpack + "/bin/" + script;
        assertThat(files)
            .as(path)
            .anySatisfy(file -> {
              assertThat(file.path()).isEqualTo(path);
              assertThat(file.mode()).isEqualTo(0755);
            });
      }
    }
  }
}
