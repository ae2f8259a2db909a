package flynn.discoverd.zk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZkPathsTest {
  @Test
  void instancePathParsesBackToServiceAndId() {
    assertThat(ZkPaths.parse(ZkPaths.instance("web", "abc")))
        .contains(new ZkPaths.Node("web", "abc"));
  }

  @Test
  void servicePathParsesToServiceOnly() {
    var node = ZkPaths.parse(ZkPaths.service("web")).orElseThrow();

    assertThat(node.service()).isEqualTo("web");
    assertThat(node.isInstance()).isFalse();
  }

  @Test
  void rootAndForeignPathsAreIgnored() {
    assertThat(ZkPaths.parse(ZkPaths.SERVICES)).isEmpty();
    assertThat(ZkPaths.parse(ZkPaths.EXPIRER)).isEmpty();
    assertThat(ZkPaths.parse(ZkPaths.instance("web", "abc") + "/deeper")).isEmpty();
  }
}
