package flynn.host.runc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallPartsTest {
  private static final JobResolver.Probe NO_PROBE =
      address -> {
        throw new AssertionError("probed " + address);
      };

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
  void jobsUseTheHostsResolverWhenItIsNotOnTheLoopbackWithoutProbing() {
    JobResolver chosen =
        JobResolver.choose(
            "nameserver 10.255.255.53\nsearch example\n", "", "100.100.0.1", NO_PROBE);

    assertThat(chosen)
        .isEqualTo(new JobResolver("nameserver 10.255.255.53\nsearch example\n", false));
  }

  @Test
  void aLoopbackHostResolverIsReplacedByTheGatewayWhenSomethingAnswersThere() {
    JobResolver chosen =
        JobResolver.choose(
            "nameserver 127.0.0.53\noptions edns0\n",
            "nameserver 192.0.2.53\n",
            "100.100.0.1",
            "100.100.0.1"::equals);

    assertThat(chosen.resolvConf()).isEqualTo("nameserver 100.100.0.1\noptions edns0\n");
    assertThat(chosen.onHost()).isTrue();
  }

  @Test
  void aLoopbackHostResolverFallsBackToItsUpstreamWhenTheGatewayIsSilent() {
    JobResolver chosen =
        JobResolver.choose(
            "nameserver 127.0.0.53\n",
            "nameserver 192.0.2.53\nnameserver 127.0.0.1\n",
            "100.100.0.1",
            address -> false);

    assertThat(chosen.nameservers()).containsExactly("192.0.2.53");
    assertThat(chosen.onHost()).isFalse();
  }

  @Test
  void theDnsProbeCountsOnlyANoErrorResponseToItsOwnQuery() {
    assertThat(
            DnsProbe.isAnswer(ByteBuffer.wrap(new byte[] {0x46, 0x4c, (byte) 0x81, (byte) 0x80})))
        .isTrue();
    assertThat(
            DnsProbe.isAnswer(ByteBuffer.wrap(new byte[] {0x46, 0x4c, (byte) 0x81, (byte) 0x85})))
        .as("REFUSED")
        .isFalse();
    assertThat(DnsProbe.isAnswer(ByteBuffer.wrap(new byte[] {0x46, 0x4c, 0x01, 0x00})))
        .as("a query, not a response")
        .isFalse();
    assertThat(
            DnsProbe.isAnswer(ByteBuffer.wrap(new byte[] {0x00, 0x01, (byte) 0x81, (byte) 0x80})))
        .as("another id")
        .isFalse();
  }

  @Test
  void theTempDiskIsATmpfsOfTheJobsSize() {
    assertThat(TempDisk.options(100L << 20)).isEqualTo("size=104857600,mode=0700");
    assertThatThrownBy(() -> TempDisk.options(0)).hasMessageContaining("positive size");
  }

  @Test
  void theJobSubnetIsTheGatewaysNetwork() {
    assertThat(NetworkConfig.defaults().subnetCidr()).isEqualTo("100.100.0.0/16");
    assertThat(new NetworkConfig("b", "100.126.7.1", 24).subnetCidr()).isEqualTo("100.126.7.0/24");
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
