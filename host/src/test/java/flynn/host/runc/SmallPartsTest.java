package flynn.host.runc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallPartsTest {
  @TempDir Path dir;

  @Test
  void overlayListsTheTopLayerFirst() {
    String options =
        Overlay.options(
            List.of(Path.of("/layers/app"), Path.of("/layers/base")),
            Path.of("/b/upper"),
            Path.of("/b/work"));

    assertThat(options)
        .isEqualTo("lowerdir=/layers/app:/layers/base,upperdir=/b/upper,workdir=/b/work");
    assertThatThrownBy(() -> Overlay.options(List.of(), Path.of("/u"), Path.of("/w")))
        .hasMessageContaining("at least one image layer");
  }

  @Test
  void resolvConfKeepsResolversButNotTheHostsLoopbackOnes() {
    String host = "# generated\nnameserver 127.0.0.53\nnameserver 10.255.255.53\nsearch example\n";

    assertThat(ResolvConf.forJob(host)).isEqualTo("nameserver 10.255.255.53\nsearch example\n");
    assertThat(ResolvConf.forJob("nameserver 127.0.0.1\n")).isEmpty();
  }

  @Test
  void etcHostsNamesTheJobAtItsOwnAddressBesideLoopback() {
    String hosts = EtcHosts.forJob("100.100.0.7", "flynn-0123456789");

    assertThat(hosts.lines())
        .contains("127.0.0.1\tlocalhost", "100.100.0.7\tflynn-0123456789")
        .anyMatch(line -> line.startsWith("::1\tlocalhost"));
  }

  @Test
  void tiniIsUsedWhenAnyLayerHasIt() throws Exception {
    Path top = Files.createDirectories(dir.resolve("top"));
    Path base = Files.createDirectories(dir.resolve("base/sbin"));

    assertThat(RootfsInit.find(List.of(top, dir.resolve("base")))).isEmpty();
    Files.writeString(base.resolve("tini"), "");
    assertThat(RootfsInit.find(List.of(top, dir.resolve("base")))).contains("/sbin/tini");
  }
}
