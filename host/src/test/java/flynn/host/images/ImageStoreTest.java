package flynn.host.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.host.Mountspec;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {
  @TempDir Path dir;
  private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
  private final AtomicInteger fetches = new AtomicInteger();

  private Mountspec layer(byte[] content) throws Exception {
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    blobs.put(sha, content);
    return new Mountspec(
        Mountspec.TYPE_TAR, sha, "http://b/" + sha, null, Map.of("sha256", sha), null);
  }

  private ImageStore store() {
    return new ImageStore(
        dir,
        l -> {
          fetches.incrementAndGet();
          return new ByteArrayInputStream(blobs.get(l.id()));
        },
        false);
  }

  @Test
  void noImageMeansNoLayers() {
    assertThat(store().layers(List.of())).isEmpty();
  }

  @Test
  void layersAreFlattenedIntoOneCachedRootfs() throws Exception {
    Mountspec base = layer(new TestLayers().file("a", "base").file("b", "base").gzip());
    Mountspec top = layer(new TestLayers().file("a", "top").file(".wh.b", "").tar());
    ImageStore store = store();

    List<Path> first = store.layers(List.of(base, top));
    List<Path> again = store().layers(List.of(base, top));

    assertThat(first).hasSize(1).isEqualTo(again);
    assertThat(first.get(0).resolve("a")).hasContent("top");
    assertThat(first.get(0).resolve("b")).doesNotExist();
    assertThat(fetches).hasValue(2);
  }

  @Test
  void concurrentJobsOfOneImageUnpackItOnce() throws Exception {
    Mountspec only = layer(new TestLayers().file("f", "x".repeat(100_000)).gzip());
    ImageStore store = store();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<Path>>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      for (int i = 0; i < 4; i++) {
        results.add(
            pool.submit(() -> {
              go.await();
              return store.layers(List.of(only));
            }));
      }
      go.countDown();
      for (Future<List<Path>> r : results) {
        assertThat(r.get().get(0).resolve("f")).exists();
      }
    }
    assertThat(fetches).hasValue(1);
  }

  @Test
  void blobWithTheWrongDigestIsRefused() throws Exception {
    Mountspec good = layer(new TestLayers().file("f", "x").tar());
    blobs.put(good.id(), new TestLayers().file("f", "tampered").tar());

    assertThatThrownBy(() -> store().layers(List.of(good)))
        .isInstanceOf(LayerException.class)
        .hasMessageContaining("expected " + good.sha256());
    assertThat(dir.resolve("rootfs").toFile().list()).isEmpty();
  }
}
