package flynn.host.runc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupsTest {
  @TempDir Path root;

  @Test
  void readsTheOomKillCounterOfV1AndV2() {
    assertThat(Cgroups.oomKillCount("oom_kill_disable 0\nunder_oom 0\noom_kill 1\n")).isEqualTo(1);
    assertThat(Cgroups.oomKillCount("low 0\nhigh 0\nmax 3\noom 2\noom_kill 2\n")).isEqualTo(2);
    assertThat(Cgroups.oomKillCount("oom_kill_disable 0\nunder_oom 0\n")).isZero();
  }

  @Test
  void findsTheV1MemoryControlOfTheContainer() throws Exception {
    Path memory = Files.createDirectories(root.resolve("memory/flynn/flynn-c1"));
    Files.writeString(memory.resolve("memory.oom_control"), "oom_kill_disable 0\noom_kill 1\n");

    assertThat(new Cgroups(root).oomKills("/flynn/flynn-c1")).isEqualTo(1);
    assertThat(new Cgroups(root).oomKills("/flynn/flynn-other")).isZero();
  }

  @Test
  void removesTheContainersDirectoryInEveryHierarchyAndNothingElse() throws Exception {
    Files.createDirectories(root.resolve("memory/flynn/flynn-c1"));
    Files.createDirectories(root.resolve("pids/flynn/flynn-c1"));
    Files.createDirectories(root.resolve("pids/flynn/flynn-c2"));
    Cgroups cgroups = new Cgroups(root);

    assertThat(cgroups.existing("/flynn/flynn-c1")).hasSize(2);
    assertThat(cgroups.remove("/flynn/flynn-c1")).isTrue();
    assertThat(cgroups.existing("/flynn/flynn-c1")).isEmpty();
    assertThat(root.resolve("pids/flynn/flynn-c2")).isDirectory();
    assertThat(cgroups.remove("/flynn/flynn-c1")).isFalse();
  }
}
