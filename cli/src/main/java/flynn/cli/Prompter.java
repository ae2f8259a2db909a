package flynn.cli;

/** Asks the user something; only possible when a person sits at a terminal. */
public interface Prompter {
  /** True when stdin and stdout are a terminal. */
  boolean interactive();

  /** Prints the prompt and reads one line; null at end of input. */
  String readLine(String prompt);
}
