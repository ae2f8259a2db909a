package flynn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "ps | ps",
        "-a demo ps -a | ps",
        "-ademo -c dev scale web=3 | scale",
        "-c dev -a demo env set A=1 | env",
        "--help | null",
        "'' | null",
      })
  void commandWordSkipsTheGlobalOptions(String line, String expected) {
    String[] args = line.isBlank() ? new String[0] : line.trim().split(" +");
    assertThat(Commands.commandWord(args)).isEqualTo(expected);
  }
}
