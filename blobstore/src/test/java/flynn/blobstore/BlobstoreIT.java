package flynn.blobstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.blobstore.BlobstoreClient;
import flynn.api.http.ApiException;
import flynn.blobstore.store.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real blobstore on a loopback port, driven over HTTP with the cluster key. */
class BlobstoreIT {
  private static final String KEY = "test-key";

  @TempDir Path dir;
  private BlobstoreServer server;
  private BlobstoreClient client;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    server = new BlobstoreServer(new BlobstoreConfig("127.0.0.1", 0, KEY, dir.resolve("blobs")));
    server.start();
    client = new BlobstoreClient(server.url(), KEY);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void putGetHeadDeleteRoundTrip() throws IOException {
    Path file = write("layer.tar", "layer bytes");
    String sha = Sha256.of("layer bytes");

    assertThat(client.sha256("/layers/one")).isEmpty();
    client.put("/layers/one", file, sha);

    assertThat(client.sha256("/layers/one")).contains(sha);
    try (InputStream in = client.open("/layers/one")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("layer bytes");
    }
    client.delete("/layers/one");
    assertThat(client.sha256("/layers/one")).isEmpty();
    assertThatThrownBy(() -> client.open("/layers/one"))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(404));
  }

  @Test
  void getAnswersWithEtagAndLength() throws Exception {
    client.put("/a", write("a", "abc"), Sha256.of("abc"));

    HttpResponse<byte[]> resp =
        http.send(authorized("/a").GET().build(), HttpResponse.BodyHandlers.ofByteArray());

    assertThat(resp.statusCode()).isEqualTo(200);
    assertThat(resp.headers().firstValue("ETag")).contains("\"" + Sha256.of("abc") + "\"");
    assertThat(resp.headers().firstValueAsLong("Content-Length")).hasValue(3);
  }

  @Test
  void wrongDigestIsRefusedWithAClearError() throws IOException {
    Path file = write("f", "actual content");

    assertThatThrownBy(() -> client.put("/x", file, Sha256.of("claimed content")))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("nothing was stored")
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
    assertThat(client.sha256("/x")).isEmpty();
  }

  @Test
  void ociDigestInThePathIsChecked() throws Exception {
    String wrong = "/layers/sha256:" + Sha256.of("other");
    HttpResponse<String> resp =
        http.send(
            authorized(wrong).PUT(HttpRequest.BodyPublishers.ofString("content")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(resp.statusCode()).isEqualTo(400);
    assertThat(resp.body()).contains("validation_error");
  }

  @Test
  void requestsWithoutTheKeyAreRefused() throws Exception {
    HttpResponse<String> resp =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + "/x")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(resp.statusCode()).isEqualTo(401);
  }

  @Test
  void concurrentWritersLeaveOneWholeObject() throws Exception {
    int writers = 6;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      files.add(write("w" + i, ("writer " + i + " ").repeat(50_000)));
    }
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
      for (Path f : files) {
        done.add(
            pool.submit(() -> {
              go.await();
              client.put("/same", f, sha256(Files.readAllBytes(f)));
              return null;
            }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    }
    byte[] stored;
    try (InputStream in = client.open("/same")) {
      stored = in.readAllBytes();
    }
    assertThat(new String(stored, StandardCharsets.UTF_8)).matches("(writer \\d )+");
    assertThat(client.sha256("/same")).contains(sha256(stored));
  }

  /** 256 MiB through a server in a JVM with a small heap (see the pom): streamed, not buffered. */
  @Test
  void largeObjectIsStreamedBothWays() throws Exception {
    long size = 256L << 20;
    MessageDigest sent = Sha256.digest();
    HttpResponse<String> put =
        http.send(
            authorized("/big")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new Pattern(size, sent)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).isEqualTo(200);
    String sentSha = Sha256.hex(sent.digest());

    MessageDigest received = Sha256.digest();
    long count = 0;
    try (InputStream in = client.open("/big")) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; count += n) {
        received.update(buf, 0, n);
      }
    }
    assertThat(count).isEqualTo(size);
    assertThat(Sha256.hex(received.digest())).isEqualTo(sentSha);
    assertThat(client.sha256("/big")).contains(sentSha);
  }

  private HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(URI.create(server.url() + path))
        .header("Authorization", flynn.api.http.JsonHttp.basicAuth(KEY));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static String sha256(byte[] bytes) {
    return Sha256.hex(Sha256.digest().digest(bytes));
  }

  /** A generated stream of {@code size} bytes, hashed as it is read. */
  private static final class Pattern extends InputStream {
    private final long size;
    private final MessageDigest digest;
    private long pos;

    Pattern(long size, MessageDigest digest) {
      this.size = size;
      this.digest = digest;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - pos);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) ((pos + i) * 31 >>> 3);
      }
      digest.update(b, off, n);
      pos += n;
      return n;
    }
  }
}
