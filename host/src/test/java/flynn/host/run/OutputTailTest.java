package flynn.host.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputTailTest {
  @Test
  void keepsTheLastLinesOfBothStreamsInOrder() {
    OutputTail tail = new OutputTail(3);
    for (int i = 1; i <= 5; i++) {
      tail.line(i % 2 == 0 ? StdStream.STDERR : StdStream.STDOUT, "line " + i);
    }

    assertThat(tail.text()).isEqualTo("line 3\nline 4\nline 5");
  }

  @Test
  void blankLinesAreSkippedAndLongOnesCut() {
    OutputTail tail = new OutputTail(3);
    tail.line(StdStream.STDOUT, "   ");
    tail.line(StdStream.STDOUT, "y".repeat(1000));

    assertThat(tail.text()).hasSize(OutputTail.MAX_LINE + 3).endsWith("...");
  }

  @Test
  void aJobThatWroteNothingHasAnEmptyTail() {
    assertThat(new OutputTail(3).text()).isEmpty();
  }

  @Test
  void binaryOutputKeepsOnlyItsPrintableText() {
    OutputTail tail = new OutputTail(3);
    tail.line(StdStream.STDOUT, "slug.tgz\0\0\0\u0001\u001b[0m0000644");

    assertThat(tail.text()).isEqualTo("slug.tgz[0m0000644");
  }
}
