package flynn.host.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
  private static List<String> split(LineSplitter splitter, String text) throws IOException {
    List<String> lines = new ArrayList<>();
    splitter.split(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), lines::add);
    return lines;
  }

  @Test
  void emitsEachLineWithoutItsNewlineKeepingEmptyLines() throws IOException {
    assertThat(split(new LineSplitter(), "one\n\ntwo\n")).containsExactly("one", "", "two");
  }

  @Test
  void emitsALastLineWithoutNewline() throws IOException {
    assertThat(split(new LineSplitter(), "one\ntwo")).containsExactly("one", "two");
  }

  @Test
  void cutsLinesLongerThanTheLimit() throws IOException {
    assertThat(split(new LineSplitter(4), "abcdefghij\nxy\n"))
        .containsExactly("abcd", "efgh", "ij", "xy");
  }

  @Test
  void aLineOfExactlyTheLimitIsOneLine() throws IOException {
    assertThat(split(new LineSplitter(4), "abcd\n")).containsExactly("abcd");
  }

  @Test
  void neverCutsInsideAUtf8Character() throws IOException {
    // "aaa" + "é" (2 bytes) crosses the 4-byte limit: the é moves to the next piece
    assertThat(split(new LineSplitter(4), "aaaé€x\n")).containsExactly("aaa", "é", "€x");
  }

  @Test
  void theDefaultLimitIsTenKibibytes() throws IOException {
    String longLine = "x".repeat(LineSplitter.MAX_LINE_BYTES * 2 + 5);

    List<String> lines = split(new LineSplitter(), longLine + "\n");

    assertThat(lines)
        .extracting(String::length)
        .containsExactly(LineSplitter.MAX_LINE_BYTES, LineSplitter.MAX_LINE_BYTES, 5);
  }

  @Test
  void boundaryBacksUpToTheLeadByteOfAnIncompleteCharacter() {
    byte[] euro = "ab€".getBytes(StandardCharsets.UTF_8); // a b E2 82 AC

    assertThat(LineSplitter.boundary(euro, 5)).isEqualTo(5);
    assertThat(LineSplitter.boundary(euro, 4)).isEqualTo(2);
    assertThat(LineSplitter.boundary(euro, 3)).isEqualTo(2);
  }
}
