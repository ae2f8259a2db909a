package flynn.blobstore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flynn.api.http.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest {
  @TempDir Path root;

  private FileStore store() {
    return new FileStore(root, Clock.systemUTC());
  }

  @Test
  void storedObjectReadsBackWithItsHash() throws IOException {
    FileStore store = store();
    ObjectInfo info = store.put("/a/b.txt", body("hello"), "text/plain", Optional.empty());

    assertThat(info.sha256()).isEqualTo(Sha256.of("hello"));
    assertThat(info.size()).isEqualTo(5);
    assertThat(read(store, "a//b.txt")).isEqualTo("hello");
    assertThat(store.stat("/a/b.txt"))
        .get()
        .extracting(ObjectInfo::contentType)
        .isEqualTo("text/plain");
  }

  @Test
  void aPathAndItsChildAreSeparateObjects() throws IOException {
    FileStore store = store();
    store.put("/a", body("parent"), null, Optional.empty());
    store.put("/a/b", body("child"), null, Optional.empty());

    assertThat(read(store, "/a")).isEqualTo("parent");
    assertThat(read(store, "/a/b")).isEqualTo("child");
    assertThat(store.list("/a")).containsExactly("/a", "/a/b");
  }

  @Test
  void wrongDigestIsRefusedAndKeepsTheOldObject() throws IOException {
    FileStore store = store();
    store.put("/x", body("old"), null, Optional.empty());

    assertThatThrownBy(
            () -> store.put("/x", body("new"), null, Optional.of(Sha256.of("something else"))))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("nothing was stored");
    assertThat(read(store, "/x")).isEqualTo("old");
    assertThat(tempFiles()).isEmpty();
  }

  @Test
  void replacingAnObjectLeavesOnlyTheNewBytes() throws IOException {
    FileStore store = store();
    store.put("/x", body("one"), null, Optional.empty());
    store.put("/x", body("two"), null, Optional.of(Sha256.of("two")));

    assertThat(read(store, "/x")).isEqualTo("two");
    try (Stream<Path> files = Files.walk(root.resolve("objects"))) {
      assertThat(files.filter(p -> p.toString().endsWith(".data"))).hasSize(1);
    }
  }

  @Test
  void deletedObjectIsGone() {
    FileStore store = store();
    store.put("/x", body("bytes"), null, Optional.empty());

    assertThat(store.delete("/x")).isTrue();
    assertThat(store.stat("/x")).isEmpty();
    assertThat(store.delete("/x")).isFalse();
  }

  @Test
  void concurrentWritersOfOnePathLeaveOneWholeObject() throws Exception {
    FileStore store = store();
    int writers = 8;
    CountDownLatch go = new CountDownLatch(1);
    List<Future<ObjectInfo>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
      for (int i = 0; i < writers; i++) {
        String content = ("writer " + i + " ").repeat(10_000);
        results.add(
            pool.submit(() -> {
              go.await();
              return store.put("/same", body(content), null, Optional.empty());
            }));
      }
      go.countDown();
      for (Future<ObjectInfo> r : results) {
        r.get();
      }
    }
    String content = read(store, "/same");
    assertThat(content).matches("(writer \\d )+");
    assertThat(store.stat("/same"))
        .get()
        .extracting(ObjectInfo::sha256)
        .isEqualTo(Sha256.of(content));
    assertThat(tempFiles()).isEmpty();
  }

  private List<Path> tempFiles() throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("tmp"))) {
      return files.toList();
    }
  }

  private static InputStream body(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String read(FileStore store, String path) throws IOException {
    try (OpenObject o = store.open(path).orElseThrow()) {
      return new String(o.content().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
