package flynn.gitreceive.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugIgnoreTest {
  final SlugIgnore ignore = SlugIgnore.parse("# docs stay out\n*.psd\n/docs\ntest/\n!keep.psd\n");

  @Test
  void patternsLeavePathsOut() {
    assertThat(ignore.ignores("art/logo.psd", false)).isTrue();
    assertThat(ignore.ignores("docs", true)).isTrue();
    assertThat(ignore.ignores("test", true)).isTrue();
  }

  @Test
  void otherPathsAndNegatedOnesStay() {
    assertThat(ignore.ignores("src/docs", true)).isFalse();
    assertThat(ignore.ignores("index.html", false)).isFalse();
    assertThat(ignore.ignores("keep.psd", false)).isFalse();
  }
}
