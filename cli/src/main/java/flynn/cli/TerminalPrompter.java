package flynn.cli;

import java.io.Console;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Prompts on the JVM's console. */
final class TerminalPrompter implements Prompter {
  @Override
  public boolean interactive() {
    Console console = System.console();
    return console != null && isTerminal(console);
  }

  @Override
  public String readLine(String prompt) {
    Console console = System.console();
    if (console == null) {
      return null;
    }
    return console.readLine("%s", prompt);
  }

  /**
   * Since JDK 22 {@code System.console()} may exist without a terminal; {@code isTerminal()} (not
   * in the Java 21 API we compile against) tells them apart when the runtime has it.
   */
  private static boolean isTerminal(Console console) {
    try {
      MethodHandle isTerminal =
          MethodHandles.publicLookup()
              .findVirtual(Console.class, "isTerminal", MethodType.methodType(boolean.class));
      return (boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return true;
    } catch (Throwable e) {
      return false;
    }
  }
}
