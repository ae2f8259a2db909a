package flynn.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void padsEveryColumnButTheLastToTheWidestCellPlusTwo() {
    String out = new Table().row("ID", "NAME").row("f1e85f5392454a32", "gitreceive").render();

    assertThat(out).isEqualTo("ID                NAME\nf1e85f5392454a32  gitreceive\n");
  }

  @Test
  void anExtraTrailingCellOnlyWidensItsOwnBlockLikeGoTabwriter() {
    String out =
        new Table()
            .row("NAME", "URL")
            .row("dev", "http://controller.localhost:8081", "(default)")
            .row("prod", "https://c.example.com")
            .render();

    assertThat(out)
        .isEqualTo(
            "NAME  URL\n"
                + "dev   http://controller.localhost:8081  (default)\n"
                + "prod  https://c.example.com\n");
  }

  @Test
  void emptyAndNullCellsArePadded() {
    assertThat(new Table().row("A", null, "C").row("", "bb", "").render())
        .isEqualTo("A      C\n   bb  \n");
  }
}
