package flynn.cli;

/** Flynn's yes/no prompt; refuses clearly when nobody can answer. */
public final class Confirm {
  private Confirm() {}

  /**
   * Asks {@code question (yes/no): } until the answer is y, yes, n or no.
   *
   * @param refusal the error when there is no terminal, e.g. "use -y to delete without asking"
   */
  public static boolean ask(Prompter prompter, String question, String refusal) {
    if (!prompter.interactive()) {
      throw new CliException(refusal);
    }
    String prompt = question + " (yes/no): ";
    while (true) {
      String answer = prompter.readLine(prompt);
      if (answer == null) {
        return false;
      }
      switch (answer.strip()) {
        case "y", "yes" -> {
          return true;
        }
        case "n", "no" -> {
          return false;
        }
        default -> prompt = "Please type 'yes' or 'no': ";
      }
    }
  }
}
