package flynn.host.runc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.Json;
import flynn.host.run.JobLimits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OciSpecTest {
  private static ContainerPlan plan(String init, JobLimits limits) {
    return new ContainerPlan(
        List.of("app", "--port", "8080"),
        init,
        Map.of("PORT", "8080", "A", "1"),
        "/app",
        10000,
        10000,
        "flynn-0123456789",
        "/state/containers/flynn-0123456789/rootfs",
        "/var/run/netns/flynn-0123456789",
        "/state/containers/flynn-0123456789/resolv.conf",
        "/flynn/flynn-0123456789",
        limits,
        20000,
        null,
        List.of());
  }

  @Test
  void theAppRunsUnprivilegedWithItsEnvAndNoCapabilities() {
    OciSpec.Process process = OciSpec.build(plan(null, JobLimits.defaults())).process();

    assertThat(process.user()).isEqualTo(new OciSpec.User(10000, 10000));
    assertThat(process.args()).containsExactly("app", "--port", "8080");
    assertThat(process.env()).containsExactly("A=1", "PORT=8080");
    assertThat(process.cwd()).isEqualTo("/app");
    assertThat(process.noNewPrivileges()).isTrue();
    assertThat(process.user().uid()).isNotZero();
    assertThat(process.user().gid()).isNotZero();
    assertThat(process.capabilities()).isEqualTo(OciSpec.Capabilities.none());
    OciSpec.Capabilities caps = process.capabilities();
    assertThat(
            List.of(
                caps.bounding(),
                caps.effective(),
                caps.inheritable(),
                caps.permitted(),
                caps.ambient()))
        .allSatisfy(set -> assertThat(set).isEmpty());
  }

  @Test
  void tiniBecomesPidOneAndPassesSignalsToTheAppsGroup() {
    OciSpec spec = OciSpec.build(plan("/usr/bin/tini", JobLimits.defaults()));

    assertThat(spec.process().args())
        .containsExactly("/usr/bin/tini", "-g", "--", "app", "--port", "8080");
  }

  @Test
  void limitsBecomeCgroupResourcesAndTheFileLimitIsCappedAtTheHostCeiling() {
    OciSpec spec = OciSpec.build(plan(null, new JobLimits(256L << 20, 500, 50_000, 100)));

    OciSpec.Resources resources = spec.linux().resources();
    assertThat(resources.memory()).isEqualTo(new OciSpec.Memory(256L << 20, 256L << 20));
    assertThat(resources.cpu().shares()).isEqualTo(512);
    assertThat(resources.pids().limit()).isEqualTo(100);
    assertThat(spec.process().rlimits())
        .containsExactly(new OciSpec.Rlimit("RLIMIT_NOFILE", 20000, 20000));
  }

  @Test
  void noProcessLimitMeansNoPidsResource() {
    OciSpec spec = OciSpec.build(plan(null, JobLimits.defaults()));

    assertThat(spec.linux().resources().pids()).isNull();
    assertThat(spec.linux().resources().memory().limit()).isEqualTo(1L << 30);
    assertThat(spec.process().rlimits().getFirst().hard()).isEqualTo(10_000);
  }

  @Test
  void theContainerJoinsItsPreparedNetworkNamespaceAndGetsPrivateOnes() {
    OciSpec spec = OciSpec.build(plan(null, JobLimits.defaults()));

    assertThat(spec.linux().namespaces())
        .containsExactly(
            new OciSpec.Namespace("pid", null),
            new OciSpec.Namespace("mount", null),
            new OciSpec.Namespace("uts", null),
            new OciSpec.Namespace("ipc", null),
            new OciSpec.Namespace("network", "/var/run/netns/flynn-0123456789"));
    assertThat(spec.hostname()).isEqualTo("flynn-0123456789");
    assertThat(spec.linux().cgroupsPath()).isEqualTo("/flynn/flynn-0123456789");
    assertThat(spec.root())
        .isEqualTo(new OciSpec.Root(plan(null, JobLimits.defaults()).rootPath(), false));
  }

  @Test
  void aJobOnTheStackTrustsTheHostsCasThroughAReadOnlyMount() {
    ContainerPlan p = plan(null, JobLimits.defaults());
    ContainerPlan onStack =
        new ContainerPlan(
            p.args(),
            p.init(),
            p.env(),
            p.cwd(),
            p.uid(),
            p.gid(),
            p.hostname(),
            p.rootPath(),
            p.netnsPath(),
            p.resolvConf(),
            p.cgroupsPath(),
            p.limits(),
            p.maxFdCeiling(),
            "/etc/ssl/certs",
            List.of());

    assertThat(OciSpec.build(onStack).mounts())
        .filteredOn(m -> m.destination().equals("/etc/ssl/certs"))
        .singleElement()
        .satisfies(m -> {
          assertThat(m.source()).isEqualTo("/etc/ssl/certs");
          assertThat(m.options()).contains("ro");
        });
  }

  @Test
  void mountsAreKernelFilesystemsATmpfsTmpAndOnlyTheJobsResolvConfFromTheHost() {
    List<OciSpec.Mount> mounts = OciSpec.build(plan(null, JobLimits.defaults())).mounts();

    assertThat(mounts)
        .extracting(OciSpec.Mount::destination)
        .containsExactly(
            "/proc",
            "/dev",
            "/dev/pts",
            "/dev/shm",
            "/dev/mqueue",
            "/sys",
            "/tmp",
            "/etc/resolv.conf");
    assertThat(mounts)
        .filteredOn(m -> m.type().equals("bind"))
        .singleElement()
        .satisfies(m -> {
          assertThat(m.source()).endsWith("/resolv.conf");
          assertThat(m.options()).contains("ro");
        });
    assertThat(mounts)
        .filteredOn(m -> m.destination().equals("/sys"))
        .singleElement()
        .satisfies(m -> assertThat(m.options()).contains("ro"));
    assertThat(mounts)
        .filteredOn(m -> m.destination().equals("/tmp"))
        .singleElement()
        .satisfies(m -> assertThat(m.type()).isEqualTo("tmpfs"));
  }

  @Test
  void tmpIsLimitedToTheJobsTempDiskSize() {
    JobLimits limits = new JobLimits(1L << 30, 1000, 1000, 0, 8L << 20);

    assertThat(OciSpec.build(plan(null, limits)).mounts())
        .filteredOn(m -> m.destination().equals("/tmp"))
        .singleElement()
        .satisfies(m -> assertThat(m.options()).contains("size=" + (8L << 20)));
  }

  @Test
  void writesTheOciFieldNames() {
    JsonNode json = Json.mapper().valueToTree(OciSpec.build(plan(null, JobLimits.defaults())));

    assertThat(json.path("ociVersion").asText()).isEqualTo(OciSpec.VERSION);
    assertThat(json.path("process").path("noNewPrivileges").asBoolean()).isTrue();
    assertThat(json.path("linux").path("cgroupsPath").asText())
        .isEqualTo("/flynn/flynn-0123456789");
    assertThat(json.path("linux").path("resources").path("memory").path("limit").asLong())
        .isEqualTo(1L << 30);
    assertThat(json.path("linux").path("namespaces").get(0).has("path")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"1000, 1024", "500, 512", "2000, 2048", "1, 2", "250, 256"})
  void milliCpusBecomeShares(long milli, long shares) {
    assertThat(OciSpec.cpuShares(milli)).isEqualTo(shares);
  }

  @Test
  void aContainerWithoutACommandIsRefused() {
    assertThatThrownBy(() ->
            new ContainerPlan(
                List.of(),
                null,
                Map.of(),
                "/",
                1,
                1,
                "h",
                "/r",
                "/n",
                "/rc",
                "/c",
                JobLimits.defaults(),
                20000,
                null,
                List.of()))
        .hasMessageContaining("needs a command");
  }
}
