package flynn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfirmTest {
  /** Answers from a script and records the prompts. */
  static final class Scripted implements Prompter {
    final Deque<String> answers;
    final List<String> prompts = new ArrayList<>();
    final boolean interactive;

    Scripted(boolean interactive, String... answers) {
      this.interactive = interactive;
      this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public boolean interactive() {
      return interactive;
    }

    @Override
    public String readLine(String prompt) {
      prompts.add(prompt);
      return answers.poll();
    }
  }

  @Test
  void repeatsUntilYesOrNo() {
    Scripted p = new Scripted(true, "maybe", "yes");

    assertThat(Confirm.ask(p, "Delete?", "use -y")).isTrue();
    assertThat(p.prompts).containsExactly("Delete? (yes/no): ", "Please type 'yes' or 'no': ");
    assertThat(Confirm.ask(new Scripted(true, "n"), "Delete?", "use -y")).isFalse();
    assertThat(Confirm.ask(new Scripted(true), "Delete?", "use -y")).isFalse();
  }

  @Test
  void refusesWithoutATerminal() {
    assertThatThrownBy(() -> Confirm.ask(new Scripted(false, "yes"), "Delete?", "use -y"))
        .isInstanceOf(CliException.class)
        .hasMessage("use -y");
  }
}
