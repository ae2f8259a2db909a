package flynn.blobstore.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlobPathsTest {
  @ParameterizedTest
  @CsvSource({
    "/a/b, /a/b",
    "a//b/./c, /a/b/c",
    "/a/b/../c, /a/c",
    "/../../etc/passwd, /etc/passwd",
    "/, /",
    "/layers/sha256:ab/, /layers/sha256:ab"
  })
  void cleansPathsLikeFlynn(String raw, String clean) {
    assertThat(BlobPaths.clean(raw)).isEqualTo(clean);
  }
}
