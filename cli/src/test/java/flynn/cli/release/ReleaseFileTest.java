package flynn.cli.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.api.controller.VolumeReq;
import flynn.cli.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseFileTest {
  @Test
  void readsFlynnsReleaseConfigExample() {
    String json =
        """
        {
          "env": {"MY_VAR": "Hello World"},
          "processes": {
            "echo": {
              "args": ["sh", "-c", "socat -v tcp-l:$PORT,fork exec:/bin/cat"],
              "env": {"ECHO": "specific"},
              "ports": [{"proto": "tcp"}]
            }
          }
        }
        """;

    ReleaseFile.Parsed parsed = ReleaseFile.parse(json, "config.json");

    Release r = parsed.release();
    assertThat(parsed.warnings()).isEmpty();
    assertThat(r.id()).isNull();
    assertThat(r.env()).containsEntry("MY_VAR", "Hello World");
    ProcessType echo = r.processes().get("echo");
    assertThat(echo.args()).containsExactly("sh", "-c", "socat -v tcp-l:$PORT,fork exec:/bin/cat");
    assertThat(echo.env()).containsEntry("ECHO", "specific");
    assertThat(echo.ports()).singleElement().satisfies(p -> assertThat(p.port()).isZero());
  }

  @Test
  void foldsDeprecatedFieldsIntoCurrentOnes() {
    String json =
        """
        {"id": "old", "artifact": "art-1", "created_at": "2015-12-16T02:21:06.731551Z",
         "processes": {"foo": {"entrypoint": ["ls"], "cmd": ["-l"], "data": true}}}
        """;

    ReleaseFile.Parsed parsed = ReleaseFile.parse(json, "r.json");

    Release r = parsed.release();
    assertThat(r.id()).isNull();
    assertThat(r.createdAt()).isNull();
    assertThat(r.artifacts()).containsExactly("art-1");
    assertThat(r.legacyArtifact()).isNull();
    ProcessType foo = r.processes().get("foo");
    assertThat(foo.args()).containsExactly("ls", "-l");
    assertThat(foo.deprecatedCmd()).isNull();
    assertThat(foo.deprecatedEntrypoint()).isNull();
    assertThat(foo.deprecatedData()).isNull();
    assertThat(foo.volumes()).containsExactly(new VolumeReq("/data", null));
    assertThat(parsed.warnings()).singleElement().asString().contains("\"data\" is deprecated");
  }

  @Test
  void warnsAboutFieldsItWouldDrop() {
    String json =
        "{\"proceses\": {}, \"processes\": {\"web\": {\"args\": [\"x\"], \"mounts\": []}}}";

    assertThat(ReleaseFile.parse(json, "r.json").warnings())
        .containsExactly(
            "r.json: unknown field \"proceses\" ignored",
            "r.json: process \"web\": field \"mounts\" is not supported and was ignored");
  }

  @Test
  void malformedJsonNamesTheFileAndPosition() {
    assertThatThrownBy(() -> ReleaseFile.parse("{\"env\": {\"A\": 1,}}", "bad.json"))
        .isInstanceOf(CliException.class)
        .hasMessageStartingWith("invalid JSON in release file bad.json (line 1, column ");
    assertThatThrownBy(() -> ReleaseFile.parse("[]", "list.json"))
        .hasMessage("invalid release file list.json: expected a JSON object");
    assertThatThrownBy(() -> ReleaseFile.parse("{\"processes\": []}", "p.json"))
        .hasMessage(
            "invalid release file p.json: \"processes\" must be an object of process types");
  }

  @Test
  void wrongTypesNameTheField() {
    assertThatThrownBy(
            () -> ReleaseFile.parse("{\"processes\": {\"web\": {\"args\": {}}}}", "t.json"))
        .hasMessageStartingWith("invalid release file t.json at processes.web.args: ");
  }

  @Test
  void missingFileIsAClearError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("release.json");
    assertThatThrownBy(() -> ReleaseFile.read(file))
        .hasMessage("release file " + file + " does not exist");
    Files.writeString(file, "{\"env\": {\"A\": \"b\"}}");
    assertThat(ReleaseFile.read(file).release().env()).containsEntry("A", "b");
    assertThat(ReleaseFile.read(file).release().processes()).isNull();
    assertThat(ReleaseFile.read(file).release().artifacts()).isNull();
  }
}
