package flynn.host.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MirrorsTest {
  private static AptSource deb(String uri, String... suites) {
    return new AptSource(List.of("deb"), List.of(uri), List.of(suites), List.of("main"));
  }

  @Test
  void firstHttpMirrorOfTheReleaseAndItsSecurityArchiveAreChosen() {
    List<AptSource> sources =
        List.of(
            deb("cdrom:[Debian GNU/Linux 12]/", "bookworm"),
            new AptSource(
                List.of("deb-src"),
                List.of("http://src.example/debian"),
                List.of("bookworm"),
                List.of("main")),
            deb("https://packages.example/apt", "cloud-sdk-bookworm"),
            deb("http://mirror.example/debian", "bookworm", "bookworm-updates"),
            deb("http://other.example/debian", "bookworm"),
            deb("http://mirror.example/debian-security", "bookworm-security"));

    assertThat(Mirrors.choose(sources, "bookworm"))
        .isEqualTo(
            new Mirrors(
                "bookworm",
                "http://mirror.example/debian",
                Optional.of("http://mirror.example/debian-security")));
  }

  @Test
  void withoutASecuritySourceTheStackUsesTheArchiveAlone() {
    Mirrors mirrors =
        Mirrors.choose(List.of(deb("https://mirror.example/debian", "bookworm")), "bookworm");

    assertThat(mirrors.sourcesList())
        .isEqualTo(
            """
            deb https://mirror.example/debian bookworm main
            deb https://mirror.example/debian bookworm-updates main
            """);
  }

  @Test
  void theStackSourcesListNamesUpdatesAndSecurity() {
    Mirrors mirrors =
        new Mirrors("bookworm", "http://m.example/debian", Optional.of("http://s.example/sec"));

    assertThat(mirrors.sourcesList())
        .isEqualTo(
            """
            deb http://m.example/debian bookworm main
            deb http://m.example/debian bookworm-updates main
            deb http://s.example/sec bookworm-security main
            """);
  }

  @Test
  void noMirrorForTheReleaseSaysWhatToAdd() {
    assertThatThrownBy(
            () -> Mirrors.choose(List.of(deb("http://m.example/debian", "trixie")), "bookworm"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no http(s) Debian mirror for bookworm")
        .hasMessageContaining("deb <mirror> bookworm main");
  }
}
