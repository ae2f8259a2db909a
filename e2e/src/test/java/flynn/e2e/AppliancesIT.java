package flynn.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import flynn.api.Json;
import flynn.api.controller.Resource;
import flynn.api.host.ActiveJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's acceptance as a user runs it: the counter examples get a PostgreSQL and a Redis
 * database with {@code flynn resource add}, count visits through the router, and keep counting
 * across a redeploy of the app, a restart of the appliance and a restart of flynn-host. Then dump
 * and restore into a fresh database (PostgreSQL and MariaDB), isolation between two apps'
 * databases, and removal of a resource.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppliancesIT {
  // the first push and the first provision on a fresh machine also build stacks (minutes)
  private static final Duration SLOW = Duration.ofMinutes(20);
  private static final Pattern VISITS = Pattern.compile("visits: (\\d+)");

  @TempDir static Path work;
  private static Cluster cluster;

  @BeforeAll
  static void up() throws Exception {
    Machine.assumeContainers("AppliancesIT", "runc", "git");
    cluster = Cluster.start(List.of("--runner", "runc"));
  }

  @AfterAll
  static void down() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void countersCountVisitsInTheirDatabases() throws Exception {
    deployCounter("counter-postgres", "pgcount", "postgres");
    deployCounter("counter-redis", "rcount", "redis");

    assertThat(visit("pgcount")).isEqualTo(visit("pgcount") - 1);
    assertThat(visit("rcount")).isEqualTo(visit("rcount") - 1);
  }

  @Test
  @Order(2)
  void theCountSurvivesARedeployOfTheApp() {
    long before = visit("pgcount");
    long redisBefore = visit("rcount");

    cluster.flynn("-a", "pgcount", "restart").ok();
    cluster.flynn("-a", "rcount", "restart").ok();

    assertThat(visitWhenUp("pgcount")).isEqualTo(before + 1);
    assertThat(visitWhenUp("rcount")).isEqualTo(redisBefore + 1);
  }

  @Test
  @Order(3)
  void theCountSurvivesARestartOfTheAppliance() throws Exception {
    long before = visit("pgcount");
    long redisBefore = visit("rcount");

    cluster.flynn("-a", "postgres", "restart").ok();
    cluster.flynn("-a", redisApp("rcount"), "restart").ok();

    assertThat(visitWhenUp("pgcount")).isEqualTo(before + 1);
    assertThat(visitWhenUp("rcount")).isEqualTo(redisBefore + 1);
  }

  @Test
  @Order(4)
  void theCountSurvivesARestartOfFlynnHost() throws Exception {
    long before = visit("pgcount");
    long redisBefore = visit("rcount");

    assertThat(cluster.stop()).as("flynn-host exit status after SIGTERM").isIn(0, 143);
    cluster.up();

    assertThat(visitWhenUp("pgcount")).isEqualTo(before + 1);
    assertThat(visitWhenUp("rcount")).isEqualTo(redisBefore + 1);
  }

  @Test
  @Order(5)
  void aPostgresDumpRestoredIntoAFreshDatabaseHasTheSameRows() throws IOException {
    Path dump = work.resolve("pgcount.dump");
    cluster.flynn("-a", "pgcount", "pg", "dump", "-f", dump.toString()).ok();
    assertThat(Files.size(dump)).isPositive();
    cluster.flynn("create", "pgcopy").ok();
    addResource("pgcopy", "postgres");

    cluster.flynn("-a", "pgcopy", "pg", "restore", "-f", dump.toString()).ok();

    String query = "select id, count from visits order by id";
    assertThat(psql("pgcopy", query)).isEqualTo(psql("pgcount", query)).isNotBlank();
  }

  @Test
  @Order(6)
  void aMariaDbDumpRestoredIntoAFreshDatabaseHasTheSameRows() throws IOException {
    cluster.flynn("create", "mysqlsrc").ok();
    addResource("mysqlsrc", "mysql");
    mysql(
        "mysqlsrc",
        "create table notes (id int primary key, body text);"
            + " insert into notes values (1, 'first'), (2, 'second; with a semicolon');");
    Path dump = work.resolve("mysqlsrc.sql");
    cluster.flynn("-a", "mysqlsrc", "mysql", "dump", "-f", dump.toString()).ok();
    cluster.flynn("create", "mysqlcopy").ok();
    addResource("mysqlcopy", "mysql");

    cluster.flynn("-a", "mysqlcopy", "mysql", "restore", "-f", dump.toString()).ok();

    String query = "select id, body from notes order by id";
    assertThat(mysql("mysqlcopy", query))
        .isEqualTo(mysql("mysqlsrc", query))
        .contains("second; with a semicolon");
  }

  @Test
  @Order(7)
  void anAppCannotLogInToAnotherAppsDatabase() throws Exception {
    Map<String, String> theirs = resourceEnv("pgcount", "postgres");

    Cluster.Result res =
        cluster.flynn(
            "-a", "pgcopy", "pg", "psql", "--", "-d", theirs.get("PGDATABASE"), "-c", "select 1");

    assertThat(res.exit()).isNotZero();
    assertThat(res.out() + res.err()).contains("permission denied for database");
  }

  @Test
  @Order(8)
  void removingAResourceDropsItsDatabaseAndUser() throws Exception {
    Resource resource = resource("pgcopy", "postgres");
    String server = postgresAddress();
    try (Connection c = login(server, resource.env())) {
      assertThat(c.isValid(5)).as("the resource's login works before removal").isTrue();
    }

    cluster.flynn("-a", "pgcopy", "resource", "remove", "postgres", resource.id()).ok();

    assertThatThrownBy(() -> login(server, resource.env()).close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining(resource.env().get("PGUSER"));
    assertThat(cluster.flynn("-a", "pgcopy", "env", "get", "DATABASE_URL").exit())
        .as("the app's env no longer names the database")
        .isNotZero();
  }

  private static void deployCounter(String example, String app, String provider)
      throws IOException {
    Path repo = AppRepo.of(cluster, example, work.resolve(app));
    cluster.flynnIn(repo, "create", app).ok();
    Cluster.Result push = cluster.git(repo, SLOW, "push", "flynn", "main");
    assertThat(push.exit()).as("git push; its output:\n%s", push.err()).isZero();
    addResource(app, provider);
  }

  private static void addResource(String app, String provider) {
    Cluster.Result added = cluster.flynnSlow(SLOW, "-a", app, "resource", "add", provider);
    assertThat(added.exit())
        .as("resource add; its output:\n%s%s", added.out(), added.err())
        .isZero();
  }

  /** One GET through the router: the count it answered. */
  private static long visit(String app) {
    Curl res = Curl.get(cluster.httpPort, app + ".localhost", "/");
    assertThat(res.status()).as("GET / of %s: %s", app, res.body()).isEqualTo(200);
    Matcher m = VISITS.matcher(res.body());
    assertThat(m.find()).as("a count in %s", res.body()).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** The first count answered once the app serves again after a restart. */
  private static long visitWhenUp(String app) {
    long[] count = new long[1];
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> count[0] = visit(app));
    return count[0];
  }

  private static String psql(String app, String query) {
    return cluster.flynn("-a", app, "pg", "psql", "--", "-tA", "-c", query).ok().out().strip();
  }

  private static String mysql(String app, String sql) {
    return cluster.flynn("-a", app, "mysql", "console", "--", "-N", "-e", sql).ok().out().strip();
  }

  private static Resource resource(String app, String provider) throws IOException {
    String json = cluster.flynn("-a", app, "resource", "--json").ok().out();
    List<Resource> all = List.of(Json.mapper().readValue(json, Resource[].class));
    String providerId = cluster.controller().providers().get(provider).id();
    return all.stream()
        .filter(r -> providerId.equals(r.provider()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(app + " has no " + provider + " resource: " + json));
  }

  private static Map<String, String> resourceEnv(String app, String provider) throws IOException {
    return resource(app, provider).env();
  }

  private static String redisApp(String app) throws IOException {
    return resourceEnv(app, "redis").get("FLYNN_REDIS");
  }

  /** The PostgreSQL appliance's job address, which this machine reaches over the bridge. */
  private static String postgresAddress() throws IOException {
    List<ActiveJob> jobs = cluster.runningOnHost("postgres");
    assertThat(jobs).as("the postgres appliance's job").hasSize(1);
    return jobs.getFirst().internalIp();
  }

  private static Connection login(String address, Map<String, String> env) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://" + address + ":5432/" + env.get("PGDATABASE"),
        env.get("PGUSER"),
        env.get("PGPASSWORD"));
  }
}
