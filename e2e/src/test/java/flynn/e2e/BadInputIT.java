package flynn.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear error and a non-zero exit, and changes nothing. */
class BadInputIT {
  private static Cluster cluster;

  @BeforeAll
  static void up() throws Exception {
    cluster = Cluster.start();
    cluster.flynn("create", "keeper").ok();
  }

  @AfterAll
  static void down() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void invalidAppNameIsRefusedAndNothingIsCreated() {
    String before = cluster.flynn("apps").ok().out();
    Cluster.Result r = cluster.flynn("create", "Not_Valid").failed();
    assertThat(r.err()).startsWith("flynn: ").containsIgnoringCase("name");
    assertThat(cluster.flynn("apps").ok().out()).isEqualTo(before);
  }

  @Test
  void unknownAppIsReportedByName() {
    Cluster.Result r = cluster.flynn("-a", "no-such-app", "ps").failed();
    assertThat(r.err()).contains("no-such-app").containsIgnoringCase("not found");
  }

  @Test
  void malformedReleaseFileIsRefusedAndNoReleaseIsCreated() throws Exception {
    Path bad = cluster.workDir.resolve("bad.json");
    Files.writeString(bad, "{\"processes\": {\"web\": ");
    String before = cluster.flynn("-a", "keeper", "release", "list").ok().out();
    Cluster.Result r =
        cluster.flynn("-a", "keeper", "release", "add", "-f", bad.toString()).failed();
    assertThat(r.err()).contains("bad.json");
    assertThat(cluster.flynn("-a", "keeper", "release", "list").ok().out()).isEqualTo(before);
  }

  @Test
  void wrongKeyIsUnauthorized() throws Exception {
    Path rc = cluster.dir.resolve("wrong-flynnrc");
    Files.writeString(rc, Files.readString(cluster.flynnrc).replace(cluster.key(), "not-the-key"));
    Cluster.Result r = cluster.flynn(Map.of("FLYNNRC", rc.toString()), "apps").failed();
    assertThat(r.err()).containsIgnoringCase("unauthorized");
  }

  @Test
  void apiWithoutKeyAnswers401WithFlynnsJsonErrorButPingIsOpen() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + cluster.controllerPort;
    HttpResponse<String> apps =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/apps")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(apps.statusCode()).isEqualTo(401);
    assertThat(apps.body()).contains("\"code\":\"unauthorized\"");
    HttpResponse<String> ping =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/ping")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ping.statusCode()).isEqualTo(200);
  }
}
