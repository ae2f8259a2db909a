package flynn.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClusterAddressTest {
  @Test
  void domainGivesFlynnsHttpsUrls() {
    assertThat(ClusterAddress.parse("dev.localflynn.com"))
        .isEqualTo(
            new ClusterAddress(
                "https://controller.dev.localflynn.com",
                "https://git.dev.localflynn.com",
                "https://images.dev.localflynn.com"));
    assertThat(ClusterAddress.parse("controller.dev.localflynn.com").controllerUrl())
        .isEqualTo("https://controller.dev.localflynn.com");
  }

  @Test
  void controllerUrlKeepsSchemeAndPortForGitAndImages() {
    assertThat(ClusterAddress.parse("http://controller.localhost:8081/"))
        .isEqualTo(
            new ClusterAddress(
                "http://controller.localhost:8081",
                "http://git.localhost:8081",
                "http://images.localhost:8081"));
  }

  @Test
  void otherUrlsHaveNoDerivedGitUrl() {
    assertThat(ClusterAddress.parse("http://127.0.0.1:8081"))
        .isEqualTo(new ClusterAddress("http://127.0.0.1:8081", "", ""));
    assertThatThrownBy(() -> ClusterAddress.parse("ftp://controller.x"))
        .hasMessageContaining("http:// or https://");
  }
}
