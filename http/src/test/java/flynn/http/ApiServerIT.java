package flynn.http;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.http.ApiException;
import flynn.api.http.JsonHttp;
import flynn.api.http.SseStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiServerIT {
  record Thing(String name) {}

  private static ApiServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server =
        ApiServer.start(
            "127.0.0.1",
            0,
            "sekret",
            Set.of("/ping"),
            r ->
                r.get("/ping", (req, res) -> res.send("OK"))
                    .post(
                        "/things",
                        (req, res) -> {
                          Thing t = Bodies.read(req, Thing.class);
                          if (t.name() == null) {
                            throw ApiException.validation("name", "must be set");
                          }
                          Responses.json(res, 201, t);
                        })
                    .get(
                        "/stream",
                        (req, res) -> {
                          try (SseResponse sse = new SseResponse(res)) {
                            sse.keepAlive();
                            sse.send("1", null, Map.of("n", 1));
                            sse.send("2", "error", Map.of("n", 2));
                          }
                        })
                    .get(
                        "/boom",
                        (req, res) -> {
                          throw new IllegalStateException("kaput");
                        }));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void requestsWithoutTheKeyGetFlynnsUnauthorizedError() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/things")).GET());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("\"code\":\"unauthorized\"");
  }

  @Test
  void pingIsOpen() throws Exception {
    assertThat(send(HttpRequest.newBuilder(uri("/ping")).GET()).statusCode()).isEqualTo(200);
  }

  @Test
  void wrongKeyIsRefused() throws Exception {
    HttpResponse<String> r = send(authed(HttpRequest.newBuilder(uri("/things")), "nope").GET());
    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void malformedJsonIsASyntaxError() throws Exception {
    HttpResponse<String> r = post("{\"name\": ");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"code\":\"syntax_error\"");
  }

  @Test
  void oversizedBodyIsRefusedBeforeParsing() throws Exception {
    HttpResponse<String> r = post("{\"name\":\"" + "x".repeat((int) Bodies.MAX_JSON_BYTES) + "\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"code\":\"request_body_too_big\"");
  }

  @Test
  void thrownApiExceptionBecomesItsJsonErrorWithField() throws Exception {
    HttpResponse<String> r = post("{}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"code\":\"validation_error\"").contains("\"field\":\"name\"");
  }

  @Test
  void unexpectedFailureIsAnUnknownError() throws Exception {
    HttpResponse<String> r = send(authed(HttpRequest.newBuilder(uri("/boom")), "sekret").GET());
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).contains("\"code\":\"unknown_error\"");
  }

  @Test
  void clientRaisesTheServersErrorAsApiException() {
    JsonHttp client = new JsonHttp("http://127.0.0.1:" + server.port(), "sekret");
    ApiException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ApiException.class, () -> client.post("/things", Map.of(), Thing.class));
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.error().field()).isEqualTo("name");
    assertThat(client.post("/things", new Thing("a"), Thing.class)).isEqualTo(new Thing("a"));
  }

  @Test
  void sseEventsArriveInFlynnsFramingAndKeepAlivesAreSkipped() throws Exception {
    HttpResponse<String> raw = send(authed(HttpRequest.newBuilder(uri("/stream")), "sekret").GET());
    assertThat(raw.body())
        .isEqualTo(":\nid: 1\ndata: {\"n\":1}\n\nid: 2\nevent: error\ndata: {\"n\":2}\n\n");
    JsonHttp client = new JsonHttp("http://127.0.0.1:" + server.port(), "sekret");
    try (SseStream s = client.stream("/stream", null)) {
      assertThat(s.next()).contains(new SseStream.Event("1", null, "{\"n\":1}"));
      assertThat(s.next()).contains(new SseStream.Event("2", "error", "{\"n\":2}"));
      assertThat(s.next()).isEmpty();
    }
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return send(
        authed(HttpRequest.newBuilder(uri("/things")), "sekret")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpRequest.Builder authed(HttpRequest.Builder b, String key) {
    return b.header(
        "Authorization",
        "Basic "
            + Base64.getEncoder().encodeToString((":" + key).getBytes(StandardCharsets.UTF_8)));
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
