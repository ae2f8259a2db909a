package flynn.builder;

import java.util.List;

/** How a process type of a slug is started in the {@code run} stack. */
public final class Slugrunner {
  /**
   * Run by bash with the command as {@code $1}: the app's dir and HOME, its profile.d scripts, then
   * the command through another bash so {@code $PORT} and friends expand and it becomes the
   * process.
   */
  static final String INIT =
      "cd /app || exit 1; export HOME=/app; "
          + "for profile in /app/.profile.d/*.sh; do "
          + "if [ -f \"$profile\" ]; then . \"$profile\"; fi; done; "
          + "exec /bin/bash -c \"$1\"";

  private Slugrunner() {}

  /**
   * The args of a process type running {@code command} (a Procfile line's command) from a slug: run
   * through a shell in {@code /app} with {@code .profile.d} scripts sourced.
   */
  public static List<String> args(String command) {
    return List.of("/bin/bash", "-c", INIT, "slugrunner", command);
  }
}
