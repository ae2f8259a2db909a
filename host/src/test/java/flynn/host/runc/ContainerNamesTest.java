package flynn.host.runc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainerNamesTest {
  @Test
  void everyNameCarriesThePrefixAndFitsAnInterfaceName() {
    ContainerNames names = ContainerNames.forJob("host1-0b8f8f3e-2b5c-4c62-9d61-0a3f0c6f7f10");

    assertThat(names.containerId()).startsWith("flynn-").hasSize(16);
    assertThat(names.netns()).isEqualTo(names.containerId());
    assertThat(names.hostVeth()).startsWith("flv").hasSizeLessThanOrEqualTo(15);
    assertThat(names.peerVeth()).hasSizeLessThanOrEqualTo(15);
    assertThat(names.cgroupPath("flynn")).isEqualTo("/flynn/" + names.containerId());
  }

  @Test
  void theSameJobAlwaysGetsTheSameNamesAndOthersDiffer() {
    assertThat(ContainerNames.forJob("job-1")).isEqualTo(ContainerNames.forJob("job-1"));
    assertThat(ContainerNames.forJob("job-1")).isNotEqualTo(ContainerNames.forJob("job-2"));
  }

  @Test
  void onlyContainerIdsThisRunnerGaveOutAreParsed() {
    ContainerNames names = ContainerNames.forJob("job-1");

    assertThat(ContainerNames.fromContainerId(names.containerId())).isEqualTo(names);
    assertThat(ContainerNames.fromContainerId("other-container")).isNull();
    assertThat(ContainerNames.fromContainerId("flynn-../../etc")).isNull();
    assertThat(ContainerNames.fromContainerId(null)).isNull();
  }
}
