package flynn.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlynnRcTest {
  /** As Flynn's CLI (BurntSushi/toml encoder) writes it after two `flynn cluster add`. */
  static final String FLYNN_WRITTEN =
      """
      default = "default"

      [[cluster]]
        Name = "default"
        Key = "e09dc5301d72be755a3d666f617c4600"
        TLSPin = "KGCENkp53YF5OvOKkZIry71+czFRkSw2ZdMszZ/0ljs="
        ControllerURL = "https://controller.dev.localflynn.com"
        GitURL = "https://git.dev.localflynn.com"
        ImageURL = "https://images.dev.localflynn.com"

      [[cluster]]
        Name = "prod"
        OAuthURL = "https://auth.example.com"
        ControllerURL = "https://controller.example.com"
        GitURL = ""
        ImageURL = "https://images.example.com"
        DockerPushURL = "https://docker.example.com"

      """;

  static Cluster local(String name) {
    return Cluster.of(
        name, "secret", "", "http://controller.localhost:8081", "http://git.localhost:8081", "");
  }

  @Test
  void readsAFileWrittenByFlynn() {
    FlynnRc rc = FlynnRc.parse(FLYNN_WRITTEN, "rc");

    assertThat(rc.defaultName()).isEqualTo("default");
    assertThat(rc.clusters()).hasSize(2);
    Cluster first = rc.clusters().get(0);
    assertThat(first.name()).isEqualTo("default");
    assertThat(first.key()).isEqualTo("e09dc5301d72be755a3d666f617c4600");
    assertThat(first.tlsPin()).isEqualTo("KGCENkp53YF5OvOKkZIry71+czFRkSw2ZdMszZ/0ljs=");
    assertThat(first.controllerUrl()).isEqualTo("https://controller.dev.localflynn.com");
    assertThat(first.gitUrl()).isEqualTo("https://git.dev.localflynn.com");
    assertThat(first.imageUrl()).isEqualTo("https://images.dev.localflynn.com");
    Cluster second = rc.clusters().get(1);
    assertThat(second.key()).isEmpty();
    assertThat(second.hasGit()).isFalse();
    assertThat(second.extra())
        .containsEntry("OAuthURL", "\"https://auth.example.com\"")
        .containsEntry("DockerPushURL", "\"https://docker.example.com\"");
  }

  @Test
  void writesFlynnsLayoutByteForByte() {
    assertThat(FlynnRc.parse(FLYNN_WRITTEN, "rc").format()).isEqualTo(FLYNN_WRITTEN);
  }

  @Test
  void emptyConfigIsAnEmptyFileLikeFlynns() {
    assertThat(FlynnRc.empty().format()).isEmpty();
    assertThat(FlynnRc.parse("", "rc").clusters()).isEmpty();
  }

  @Test
  void roundTripsQuotingOfSpecialCharacters() {
    String nasty = "a\"b\\c\td\ne\u0001f ünï";
    Cluster c = Cluster.of("q", nasty, "", "http://x", "", "");
    String text = FlynnRc.empty().upsert(c, true).format();

    assertThat(text).contains("Key = \"a\\\"b\\\\c\\td\\ne\\u0001f ünï\"");
    assertThat(FlynnRc.parse(text, "rc").cluster("q").orElseThrow().key()).isEqualTo(nasty);
  }

  @Test
  void readsHandWrittenTomlVariants() {
    String text =
        """
        # my clusters
        default = 'b'   # literal string
        color = true
        [[cluster]]
        name = "a"
        "Key" = "k\\u00e9y"
        ControllerURL="http://a"
        tags = ["x", "y # not a comment"]
        [[ cluster ]]
        Name = 'b'
        ControllerURL = 'C:\\path'
        [other]
        answer = 42
        """;
    FlynnRc rc = FlynnRc.parse(text, "rc");

    assertThat(rc.defaultName()).isEqualTo("b");
    assertThat(rc.select(null).controllerUrl()).isEqualTo("C:\\path");
    Cluster a = rc.cluster("a").orElseThrow();
    assertThat(a.key()).isEqualTo("kéy");
    assertThat(a.extra()).containsEntry("tags", "[\"x\", \"y # not a comment\"]");
    String rewritten = rc.format();
    assertThat(rewritten)
        .contains("color = true\n")
        .contains("  tags = [\"x\", \"y # not a comment\"]\n")
        .contains("[other]\n  answer = 42\n");
    assertThat(FlynnRc.parse(rewritten, "rc")).isEqualTo(rc);
  }

  @Test
  void rejectsMalformedInputNamingTheLine() {
    assertThatThrownBy(() -> FlynnRc.parse("default = \"x\n", "/home/u/.flynnrc"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("/home/u/.flynnrc line 1: unterminated string");
    assertThatThrownBy(() -> FlynnRc.parse("[[cluster]]\nKey = \"k\"\n", "rc"))
        .hasMessage("rc cluster #1 has no Name");
    assertThatThrownBy(() -> FlynnRc.parse("a.b = 1", "rc")).hasMessageContaining("dotted keys");
    assertThatThrownBy(() -> FlynnRc.parse("x = \"\"\"\nmulti\"\"\"", "rc"))
        .hasMessageContaining("multi-line");
    assertThatThrownBy(() -> FlynnRc.parse("x = 1 2", "rc")).hasMessageContaining("line 1");
    assertThatThrownBy(() -> FlynnRc.parse("default = 3", "rc"))
        .hasMessageContaining("default must be a string");
  }

  @Test
  void upsertReplacesInPlaceAndKeepsUnknownKeys() {
    FlynnRc rc = FlynnRc.parse(FLYNN_WRITTEN, "rc");
    Cluster changed =
        new Cluster(
            "prod", "newkey", "", "https://controller.example.com", "", "", Map.of("Extra", "1"));

    FlynnRc next = rc.upsert(changed, false);

    assertThat(next.defaultName()).isEqualTo("default");
    assertThat(next.clusters()).extracting(Cluster::name).containsExactly("default", "prod");
    assertThat(next.cluster("prod").orElseThrow().key()).isEqualTo("newkey");
    assertThat(next.upsert(local("dev"), true).defaultName()).isEqualTo("dev");
  }

  @Test
  void firstClusterBecomesDefault() {
    assertThat(FlynnRc.empty().upsert(local("dev"), false).defaultName()).isEqualTo("dev");
    assertThat(FlynnRc.empty().add(local("dev"), false, false).defaultName()).isEqualTo("dev");
  }

  @Test
  void addRefusesConflictsUnlessForced() {
    FlynnRc rc = FlynnRc.empty().add(local("dev"), false, false);
    Cluster sameUrl = Cluster.of("other", "k", "", "http://controller.localhost:8081", "", "");

    assertThatThrownBy(() -> rc.add(local("dev"), false, false))
        .hasMessageContaining("Cluster \"dev\" already exists");
    assertThatThrownBy(() -> rc.add(sameUrl, false, false))
        .hasMessageContaining("http://controller.localhost:8081");
    assertThat(rc.add(sameUrl, true, false).clusters())
        .extracting(Cluster::name)
        .containsExactly("other");
  }

  @Test
  void removingTheDefaultPromotesTheFirstRemaining() {
    FlynnRc rc = FlynnRc.parse(FLYNN_WRITTEN, "rc").remove("default");

    assertThat(rc.defaultName()).isEqualTo("prod");
    assertThat(rc.remove("prod").format()).isEmpty();
    assertThatThrownBy(() -> rc.remove("nope")).hasMessage("unknown cluster \"nope\"");
  }

  @Test
  void selectPrefersNamedThenDefaultThenFirst() {
    FlynnRc rc = FlynnRc.parse(FLYNN_WRITTEN, "rc");

    assertThat(rc.select("prod").name()).isEqualTo("prod");
    assertThat(rc.select(null).name()).isEqualTo("default");
    assertThat(FlynnRc.parse(FLYNN_WRITTEN.replace("default = \"default\"", ""), "rc").select(""))
        .extracting(Cluster::name)
        .isEqualTo("default");
    assertThatThrownBy(() -> rc.select("x")).hasMessage("unknown cluster \"x\"");
    assertThatThrownBy(() -> FlynnRc.empty().select(null))
        .hasMessageContaining("no clusters configured");
  }

  @Test
  void pathHonoursFlynnrcVariable() {
    Path home = Path.of("/home/u");
    assertThat(FlynnRc.path(null, home)).isEqualTo(Path.of("/home/u/.flynnrc"));
    assertThat(FlynnRc.path("", home)).isEqualTo(Path.of("/home/u/.flynnrc"));
    assertThat(FlynnRc.path("/tmp/rc", home)).isEqualTo(Path.of("/tmp/rc"));
  }

  @Test
  void upsertClusterWritesAPrivateFileAtomically(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub/.flynnrc");

    FlynnRc.upsertCluster(file, local("dev"), false);
    FlynnRc.upsertCluster(file, local("dev2"), true);

    FlynnRc rc = FlynnRc.read(file);
    assertThat(rc.defaultName()).isEqualTo("dev2");
    assertThat(rc.clusters()).extracting(Cluster::name).containsExactly("dev", "dev2");
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void missingFileReadsAsEmpty(@TempDir Path dir) {
    assertThat(FlynnRc.read(dir.resolve("none")).clusters()).isEmpty();
  }
}
