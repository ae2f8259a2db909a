package flynn.builder;

import java.util.List;

/** How a process type of a slug is started in the {@code run} stack. */
public final class Slugrunner {
  private Slugrunner() {}

  /**
   * The args of a process type running {@code command} (a Procfile line's command) from a slug: run
   * through a shell in {@code /app} with {@code .profile.d} scripts sourced.
   */
  public static List<String> args(String command) {
    throw new UnsupportedOperationException("builder: not implemented yet");
  }
}
