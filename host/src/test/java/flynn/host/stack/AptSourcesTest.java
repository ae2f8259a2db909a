package flynn.host.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AptSourcesTest {
  @Test
  void oneLineFormatSkipsCommentsAndOptions() {
    List<AptSource> sources =
        AptSources.parseOneLine(
            """
            # the main archive
            deb [arch=amd64 signed-by=/usr/share/keyrings/k.gpg] http://mirror.example/debian bookworm main contrib
            deb-src http://mirror.example/debian bookworm main

            deb http://security.example/debian-security bookworm-security main # security
            """);

    assertThat(sources)
        .containsExactly(
            new AptSource(
                List.of("deb"),
                List.of("http://mirror.example/debian"),
                List.of("bookworm"),
                List.of("main", "contrib")),
            new AptSource(
                List.of("deb-src"),
                List.of("http://mirror.example/debian"),
                List.of("bookworm"),
                List.of("main")),
            new AptSource(
                List.of("deb"),
                List.of("http://security.example/debian-security"),
                List.of("bookworm-security"),
                List.of("main")));
  }

  @Test
  void deb822StanzasWithSeveralSuitesAndCommentsAreRead() {
    List<AptSource> sources =
        AptSources.parseDeb822(
            """
            Types: deb
            # http://snapshot.example/archive/debian/20250520T000000Z
            URIs: http://mirror.example/debian
            Suites: bookworm bookworm-updates
            Components: main
            Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

            Types: deb deb-src
            URIs: http://security.example/debian-security
            Suites: bookworm-security
            Components: main
            """);

    assertThat(sources)
        .containsExactly(
            new AptSource(
                List.of("deb"),
                List.of("http://mirror.example/debian"),
                List.of("bookworm", "bookworm-updates"),
                List.of("main")),
            new AptSource(
                List.of("deb", "deb-src"),
                List.of("http://security.example/debian-security"),
                List.of("bookworm-security"),
                List.of("main")));
  }

  @Test
  void deb822DisabledStanzasAndContinuationLines() {
    List<AptSource> sources =
        AptSources.parseDeb822(
            """
            Enabled: no
            Types: deb
            URIs: http://off.example/debian
            Suites: bookworm

            Types: deb
            URIs: http://a.example/debian
             http://b.example/debian
            Suites: bookworm
            """);

    assertThat(sources)
        .singleElement()
        .extracting(AptSource::uris)
        .isEqualTo(List.of("http://a.example/debian", "http://b.example/debian"));
  }

  @Test
  void readsTheMainFileFirstThenTheDirectoryByNameIgnoringOtherFiles(@TempDir Path apt)
      throws IOException {
    Files.writeString(apt.resolve("sources.list"), "deb http://one.example/debian bookworm main\n");
    Path parts = Files.createDirectories(apt.resolve("sources.list.d"));
    Files.writeString(
        parts.resolve("b.sources"),
        "Types: deb\nURIs: http://three.example/debian\nSuites: bookworm\nComponents: main\n");
    Files.writeString(parts.resolve("a.list"), "deb http://two.example/debian bookworm main\n");
    Files.writeString(
        parts.resolve("c.list.disabled"), "deb http://never.example/debian bookworm main\n");

    assertThat(AptSources.read(apt))
        .flatExtracting(AptSource::uris)
        .containsExactly(
            "http://one.example/debian",
            "http://two.example/debian",
            "http://three.example/debian");
  }
}
