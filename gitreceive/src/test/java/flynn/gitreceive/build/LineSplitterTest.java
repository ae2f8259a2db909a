package flynn.gitreceive.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
  @Test
  void linesAreCutAcrossChunksAndTheRestComesAtTheEnd() {
    List<String> lines = new ArrayList<>();
    LineSplitter splitter = new LineSplitter(lines::add);

    splitter.accept("-----> Buil".getBytes(StandardCharsets.UTF_8));
    splitter.accept("ding\r\n       ok\nlast".getBytes(StandardCharsets.UTF_8));
    assertThat(lines).containsExactly("-----> Building", "       ok");

    splitter.finish();
    assertThat(lines).containsExactly("-----> Building", "       ok", "last");
  }
}
