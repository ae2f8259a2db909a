package flynn.cli.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.controller.Job;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobListTest {
  static final Instant NOW = Instant.parse("2021-01-01T00:10:00Z");

  static Job job(String id, String type, String state, String created, List<String> args) {
    return new Job(
        id,
        "uuid-" + id,
        "host",
        "app",
        "rel-1",
        type,
        state,
        args,
        null,
        null,
        null,
        null,
        null,
        null,
        created == null ? null : OffsetDateTime.parse(created),
        null);
  }

  static final List<Job> JOBS =
      List.of(
          job("host-c", "web", "up", "2021-01-01T00:09:35Z", List.of("server")),
          job("host-a", "web", "up", "2021-01-01T00:08:30Z", List.of("server")),
          job("host-b", null, "down", "2021-01-01T00:09:55Z", List.of("/bin/sh", "-c", "date")),
          job("", "worker", "pending", null, null));

  @Test
  void showsActiveJobsOldestFirstUnlessAll() {
    assertThat(JobList.select(JOBS, false, null))
        .extracting(JobList::idOf)
        .containsExactly("uuid-", "host-a", "host-c");
    assertThat(JobList.select(JOBS, true, "run")).extracting(Job::id).containsExactly("host-b");
  }

  @Test
  void rendersFlynnsColumns() {
    String table = JobList.table(JobList.select(JOBS, true, "web"), true, NOW);

    assertThat(table)
        .isEqualTo(
            "ID      TYPE  STATE  CREATED             RELEASE  COMMAND\n"
                + "host-a  web   up     About a minute ago  rel-1    server\n"
                + "host-c  web   up     25 seconds ago      rel-1    server\n");
  }

  static Job ended(String state, Integer exitStatus, String hostError) {
    return ended(state, exitStatus, hostError, null);
  }

  static Job ended(String state, Integer exitStatus, String hostError, Integer restarts) {
    return new Job(
        "host-x",
        "u",
        "host",
        "app",
        "rel-1",
        "web",
        state,
        null,
        null,
        null,
        exitStatus,
        hostError,
        null,
        restarts,
        null,
        null);
  }

  @Test
  void aJobThatEndedBadlySaysWhy() {
    assertThat(JobList.stateOf(ended("down", 137, "out of memory")))
        .isEqualTo("down (exited 137: out of memory)");
    assertThat(JobList.stateOf(ended("down", 3, null))).isEqualTo("down (exited 3)");
    assertThat(JobList.stateOf(ended("failed", null, "no such image")))
        .isEqualTo("failed (no such image)");
    assertThat(JobList.stateOf(ended("down", 0, null))).isEqualTo("down");
    assertThat(JobList.stateOf(ended("up", null, null))).isEqualTo("up");
  }

  @Test
  void aCrashShowsTheLastLineOfItsOutputAndACrashLoopItsRestarts() {
    assertThat(JobList.stateOf(ended("down", 1, "starting\nError: cannot bind\n", 4)))
        .isEqualTo("down (exited 1: Error: cannot bind; 4 restarts)");
    assertThat(JobList.stateOf(ended("up", null, null, 1))).isEqualTo("up (1 restart)");
    assertThat(JobList.stateOf(ended("starting", null, null, 0))).isEqualTo("starting");
  }
}
