package flynn.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.Json;
import flynn.api.controller.App;
import flynn.api.controller.Artifact;
import flynn.api.controller.ControllerClient;
import flynn.api.controller.Deployment;
import flynn.api.controller.Event;
import flynn.api.controller.ExpandedFormation;
import flynn.api.controller.Formation;
import flynn.api.controller.Job;
import flynn.api.controller.JobState;
import flynn.api.controller.ProcessType;
import flynn.api.controller.Release;
import flynn.api.http.SseStream;
import flynn.controller.deployments.worker.DeployLeader;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deployer against a real controller and PostgreSQL. A fake scheduler in the test follows the
 * formation stream and reports jobs the way the real one does (up, or crashing, or never up).
 */
class DeploymentsIT extends ControllerTestBase {
  private static final Duration WITHIN = Duration.ofSeconds(20);

  private final FakeScheduler scheduler = new FakeScheduler();
  private App app;
  private Release v1;
  private Release v2;

  @AfterEach
  void stopScheduler() {
    scheduler.close();
  }

  private void givenAppRunning(String strategy, Map<String, String> meta, int web) {
    app = client.apps().create(new App(null, "demo", meta, strategy, null, 5, null, null));
    v1 = release("v1");
    v2 = release("v2");
    client.apps().setRelease(app.id(), v1.id());
    scheduler.follow(client);
    if (web > 0) {
      client
          .formations()
          .put(new Formation(app.id(), v1.id(), Map.of("web", web), null, null, null));
      await().atMost(WITHIN).until(() -> scheduler.up(v1.id()) == web);
    }
  }

  private Release release(String slug) {
    Artifact artifact =
        client
            .releases()
            .createArtifact(
                new Artifact(null, "flynn", "file:///" + slug, null, null, null, 1L, null, null));
    ProcessType web = ProcessType.of(List.of("start", "web"));
    return client
        .releases()
        .create(
            new Release(
                null,
                app.id(),
                List.of(artifact.id()),
                null,
                null,
                Map.of("web", web),
                null,
                null));
  }

  private Deployment awaitFinished(Deployment d) {
    await().atMost(WITHIN).until(() -> client.deployments().get(d.id()).finished());
    return client.deployments().get(d.id());
  }

  private Map<String, Integer> processes(Release r) {
    return client.formations().get(app.id(), r.id()).processes();
  }

  /** The data of the app's deployment events, oldest first. */
  private List<JsonNode> deploymentEvents() {
    return client.events().list(app.id(), List.of(Event.DEPLOYMENT), 0).stream()
        .sorted(Comparator.comparing(Event::id))
        .map(Event::data)
        .toList();
  }

  static Stream<Arguments> strategies() {
    return Stream.of(
        Arguments.of(Deployment.ALL_AT_ONCE, 3, 3),
        Arguments.of(Deployment.ONE_BY_ONE, 3, 3),
        Arguments.of(Deployment.IN_BATCHES, 3, 3),
        Arguments.of(Deployment.ONE_DOWN_ONE_UP, 3, 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void deploymentMovesEveryJobToTheNewReleaseAndSwitchesTheApp(
      String strategy, int web, int fewestUp) {
    givenAppRunning(strategy, Map.of(Deployment.META_BATCH_SIZE, "2"), web);

    scheduler.mark();
    Deployment created = client.deployments().create(app.id(), v2.id());
    Deployment done = awaitFinished(created);

    assertThat(created.status()).isEqualTo(Deployment.PENDING);
    assertThat(done.status()).isEqualTo(Deployment.COMPLETE);
    assertThat(done.strategy()).isEqualTo(strategy);
    assertThat(client.apps().get(app.id()).release()).isEqualTo(v2.id());
    assertThat(processes(v2)).isEqualTo(Map.of("web", web));
    assertThat(processes(v1)).isEqualTo(Map.of("web", 0));
    await().atMost(WITHIN).until(() -> scheduler.up(v1.id()) == 0);
    assertThat(scheduler.fewestUpSinceMark()).isGreaterThanOrEqualTo(fewestUp);
  }

  @Test
  void deploymentEventsTellEachStatusAndEveryJobUpAndDownInOrder() {
    givenAppRunning(Deployment.ALL_AT_ONCE, null, 1);

    Deployment d =
        awaitFinished(client.deployments().create(app.id(), v2.id(), Deployment.ONE_BY_ONE));

    assertThat(d.strategy()).isEqualTo(Deployment.ONE_BY_ONE);

    List<JsonNode> events = deploymentEvents();
    assertThat(events).allMatch(e -> e.path("deployment").asText().equals(d.id()));
    assertThat(events.stream().map(e -> e.path("status").asText()).distinct())
        .containsExactly("pending", "running", "complete");
    assertThat(
            events.stream()
                .filter(e -> e.hasNonNull("job_state"))
                .map(e ->
                    e.path("job_type").asText()
                        + " "
                        + e.path("job_state").asText()
                        + " "
                        + (e.path("release").asText().equals(v2.id()) ? "new" : "old")))
        .containsExactly("web up new", "web down old");
  }

  @Test
  void crashingNewReleaseFailsAndTheOldFormationIsRestored() {
    givenAppRunning(Deployment.ONE_BY_ONE, null, 2);
    scheduler.react(v2.id(), Reaction.CRASH);

    Deployment d = awaitFinished(client.deployments().create(app.id(), v2.id()));

    assertThat(d.status()).isEqualTo(Deployment.FAILED);
    assertThat(client.apps().get(app.id()).release()).isEqualTo(v1.id());
    assertThat(processes(v1)).isEqualTo(Map.of("web", 2));
    assertThat(processes(v2)).isEqualTo(Map.of("web", 0));
    assertThat(scheduler.up(v1.id())).isEqualTo(2);
    JsonNode failed = deploymentEvents().getLast();
    assertThat(failed.path("status").asText()).isEqualTo("failed");
    assertThat(failed.path("error").asText())
        .isEqualTo("web job of the new release failed: exited with status 1");
  }

  @Test
  void newJobsThatNeverComeUpFailTheDeploymentAfterTheAppsTimeout() {
    givenAppRunning(Deployment.ALL_AT_ONCE, null, 1);
    client.apps().update(app.id(), new App(null, null, null, null, null, 1, null, null));
    scheduler.react(v2.id(), Reaction.SILENT);

    Deployment d = awaitFinished(client.deployments().create(app.id(), v2.id()));

    assertThat(d.status()).isEqualTo(Deployment.FAILED);
    assertThat(deploymentEvents().getLast().path("error").asText())
        .startsWith("timed out after 1 s waiting for jobs of release " + v2.id() + " to come up")
        .contains("web: 0 of 1 up");
    assertThat(client.apps().get(app.id()).release()).isEqualTo(v1.id());
    assertThat(processes(v1)).isEqualTo(Map.of("web", 1));
    assertThat(processes(v2)).isEqualTo(Map.of("web", 0));
  }

  @Test
  void secondDeploymentWhileOneRunsIsAConflict() throws Exception {
    givenAppRunning(Deployment.ALL_AT_ONCE, null, 1);
    scheduler.react(v2.id(), Reaction.SILENT);
    Deployment first = client.deployments().create(app.id(), v2.id());

    HttpResponse<String> second =
        send("POST", "/apps/" + app.id() + "/deploy", "{\"id\":\"" + v2.id() + "\"}");

    assertError(second, 409, "conflict");
    assertThat(json(second).path("message").asText())
        .startsWith("a deployment of demo is already running (" + first.id() + ")");
  }

  @Test
  void appRunningNothingSwitchesReleaseAtOnce() {
    givenAppRunning(Deployment.ALL_AT_ONCE, null, 0);

    Deployment d = client.deployments().create(app.id(), v2.id());
    Deployment again = client.deployments().create(app.id(), v2.id());

    assertThat(d.status()).isEqualTo(Deployment.COMPLETE);
    assertThat(d.finishedAt()).isNotNull();
    assertThat(client.apps().get(app.id()).release()).isEqualTo(v2.id());
    assertThat(client.deployments().list(app.id()))
        .extracting(Deployment::id)
        .containsExactly(again.id(), d.id());
  }

  @Test
  void unknownReleaseOrOneOfAnotherAppIsRefusedNamingTheField() throws Exception {
    givenAppRunning(Deployment.ALL_AT_ONCE, null, 0);
    App other = client.apps().create(App.named("other"));

    HttpResponse<String> unknown =
        send("POST", "/apps/" + app.id() + "/deploy", "{\"id\":\"" + UUID.randomUUID() + "\"}");
    HttpResponse<String> foreign =
        send("POST", "/apps/" + other.id() + "/deploy", "{\"id\":\"" + v2.id() + "\"}");

    assertError(unknown, 400, "validation_error");
    assertThat(json(unknown).path("field").asText()).isEqualTo("id");
    assertError(foreign, 400, "validation_error");
    assertThat(json(foreign).path("message").asText()).contains("belongs to another app");
    assertError(send("GET", "/deployments/" + UUID.randomUUID(), null), 404, "object_not_found");
  }

  @Test
  void appStrategyIsChangedWithPutAndAnUnknownOneIsRefused() throws Exception {
    givenAppRunning(Deployment.ALL_AT_ONCE, null, 0);

    HttpResponse<String> ok =
        send("PUT", "/apps/" + app.id(), "{\"strategy\":\"one-by-one\",\"deploy_timeout\":30}");
    HttpResponse<String> bad = send("PUT", "/apps/" + app.id(), "{\"strategy\":\"yolo\"}");
    HttpResponse<String> badBatch =
        send("PUT", "/apps/" + app.id(), "{\"meta\":{\"flynn-deploy-batch-size\":\"0\"}}");

    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(client.apps().get(app.id()).strategy()).isEqualTo("one-by-one");
    assertError(bad, 400, "validation_error");
    assertThat(json(bad).path("field").asText()).isEqualTo("strategy");
    assertError(badBatch, 400, "validation_error");
  }

  @Test
  void deploymentInterruptedByAControllerRestartIsResumedToTheEnd() {
    givenAppRunning(Deployment.ONE_BY_ONE, null, 2);
    scheduler.react(v2.id(), Reaction.SILENT);
    Deployment d = client.deployments().create(app.id(), v2.id());
    await().atMost(WITHIN).until(() -> scheduler.placed(v2.id()) == 1);

    restartController();
    scheduler.follow(client);
    scheduler.react(v2.id(), Reaction.UP);

    Deployment done = awaitFinished(d);
    assertThat(done.status()).isEqualTo(Deployment.COMPLETE);
    assertThat(client.apps().get(app.id()).release()).isEqualTo(v2.id());
    assertThat(processes(v2)).isEqualTo(Map.of("web", 2));
    assertThat(processes(v1)).isEqualTo(Map.of("web", 0));
  }

  @Test
  void deploymentBeingRolledBackWhenTheControllerStopsEndsFailedAfterTheRestart() {
    givenAppRunning(Deployment.ALL_AT_ONCE, null, 2);
    client.apps().update(app.id(), new App(null, null, null, null, null, 60, null, null));
    scheduler.react(v2.id(), Reaction.FIRST_UP_THEN_CRASH);
    scheduler.stopJobs(false);
    Deployment d = client.deployments().create(app.id(), v2.id());
    await()
        .atMost(WITHIN)
        .until(() ->
            scheduler.stopping(v2.id()) == 1
                && client.deployments().get(d.id()).status().equals(Deployment.RUNNING));

    restartController();
    scheduler.stopJobs(true);
    scheduler.follow(client);

    Deployment done = awaitFinished(d);
    assertThat(done.status()).isEqualTo(Deployment.FAILED);
    assertThat(deploymentEvents().getLast().path("error").asText())
        .isEqualTo("web job of the new release failed: exited with status 1");
    assertThat(client.apps().get(app.id()).release()).isEqualTo(v1.id());
    assertThat(processes(v1)).isEqualTo(Map.of("web", 2));
    assertThat(processes(v2)).isEqualTo(Map.of("web", 0));
    assertThat(scheduler.up(v2.id())).isZero();
  }

  @Test
  void onlyOneControllerLeadsTheDeployWorkerAndAnotherTakesOverWhenItStops() throws Exception {
    DeployLeader.Connector db =
        () -> DriverManager.getConnection(config.jdbcUrl(), config.dbUser(), config.dbPassword());
    await().atMost(WITHIN).until(() -> advisoryLocks(db) == 1);

    try (DeployLeader other = new DeployLeader(db)) {
      assertThat(other.holds()).isFalse();
      server.close();
      await().atMost(WITHIN).until(other::holds);
    }
  }

  private static int advisoryLocks(DeployLeader.Connector db) throws SQLException {
    try (Connection c = db.open();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  enum Reaction {
    UP,
    CRASH,
    SILENT,
    FIRST_UP_THEN_CRASH
  }

  /**
   * Follows the formation stream and reports a job per wanted process: up (after starting), crashed
   * with exit status 1, or left pending forever, per release. Tracks the fewest jobs of the app up
   * at once since a point in time.
   */
  private final class FakeScheduler implements AutoCloseable {
    private final Map<String, Reaction> reactions = new ConcurrentHashMap<>();
    private final Map<String, List<Job>> jobs = new HashMap<>();
    private final List<Integer> upHistory = new ArrayList<>();
    private volatile boolean stopsJobs = true;
    private int markAt;
    private SseStream stream;
    private Thread reader;

    void follow(ControllerClient c) {
      close();
      stream = c.formations().stream(null);
      SseStream s = stream;
      reader = Thread.ofVirtual().name("fake-scheduler").start(() -> read(c, s));
    }

    private void read(ControllerClient c, SseStream s) {
      try {
        for (var e = s.next(); e.isPresent(); e = s.next()) {
          ExpandedFormation f = Json.mapper().readValue(e.get().data(), ExpandedFormation.class);
          if (f.app() != null && app != null && f.app().id().equals(app.id())) {
            reconcile(c, f.release().id(), f.processes());
          }
        }
      } catch (IOException | RuntimeException e) {
        // the stream was closed (test end or controller restart)
      }
    }

    void react(String release, Reaction r) {
      reactions.put(release, r);
      if (r == Reaction.UP) {
        synchronized (this) {
          jobs.getOrDefault(release, List.of()).stream()
              .filter(j -> JobState.PENDING.equals(j.state()))
              .toList()
              .forEach(j -> report(client, j, JobState.UP, null));
        }
      }
    }

    /** Whether scaling down reports the stopped jobs down (false: they stay "stopping"). */
    void stopJobs(boolean stop) {
      stopsJobs = stop;
    }

    private synchronized void reconcile(
        ControllerClient c, String release, Map<String, Integer> processes) {
      List<Job> mine = jobs.computeIfAbsent(release, k -> new ArrayList<>());
      int want = processes == null ? 0 : processes.getOrDefault("web", 0);
      List<Job> live = mine.stream().filter(j -> !JobState.isDown(j.state())).toList();
      for (int i = live.size(); i < want; i++) {
        start(c, release);
      }
      for (int i = want; i < live.size(); i++) {
        Job j = live.get(live.size() - 1 - (i - want));
        report(c, j, stopsJobs ? JobState.DOWN : JobState.STOPPING, null);
      }
    }

    private void start(ControllerClient c, String release) {
      Job job =
          new Job(
              null,
              UUID.randomUUID().toString(),
              "host1",
              app.id(),
              release,
              "web",
              JobState.STARTING,
              List.of("start", "web"),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null);
      jobs.get(release).add(job);
      boolean first = jobs.get(release).size() == 1;
      switch (reactions.getOrDefault(release, Reaction.UP)) {
        case UP -> report(c, job, JobState.UP, null);
        case FIRST_UP_THEN_CRASH ->
            report(c, job, first ? JobState.UP : JobState.DOWN, first ? null : 1);
        case CRASH -> report(c, job, JobState.DOWN, 1);
        case SILENT -> report(c, job, JobState.PENDING, null);
      }
    }

    private synchronized void report(ControllerClient c, Job job, String state, Integer exit) {
      Job next =
          new Job(
              job.id(),
              job.uuid(),
              job.hostId(),
              job.app(),
              job.release(),
              job.type(),
              state,
              job.args(),
              null,
              null,
              exit,
              null,
              null,
              null,
              null,
              null);
      c.jobs().put(next);
      List<Job> mine = jobs.get(job.release());
      mine.set(mine.indexOf(job), next);
      upHistory.add(upTotal());
    }

    private int upTotal() {
      return jobs.values().stream()
          .mapToInt(l -> (int) l.stream().filter(j -> JobState.UP.equals(j.state())).count())
          .sum();
    }

    synchronized int up(String release) {
      return (int)
          jobs.getOrDefault(release, List.of()).stream()
              .filter(j -> JobState.UP.equals(j.state()))
              .count();
    }

    synchronized int stopping(String release) {
      return (int)
          jobs.getOrDefault(release, List.of()).stream()
              .filter(j -> JobState.STOPPING.equals(j.state()))
              .count();
    }

    /** Jobs of the release started and not down (up or not). */
    synchronized int placed(String release) {
      return (int)
          jobs.getOrDefault(release, List.of()).stream()
              .filter(j -> !JobState.isDown(j.state()) && !JobState.STOPPING.equals(j.state()))
              .count();
    }

    /** Remembers this moment for {@link #fewestUpSinceMark}. */
    synchronized void mark() {
      markAt = upHistory.size();
    }

    /** The fewest jobs of the app up at once since {@link #mark}. */
    synchronized int fewestUpSinceMark() {
      return upHistory.subList(markAt, upHistory.size()).stream()
          .mapToInt(Integer::intValue)
          .min()
          .orElse(Integer.MAX_VALUE);
    }

    @Override
    public void close() {
      try {
        if (stream != null) {
          stream.close();
        }
      } catch (IOException e) {
        // already closed
      }
      if (reader != null) {
        reader.interrupt();
      }
    }
  }
}
