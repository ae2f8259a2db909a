package flynn.cli;

import flynn.api.config.FlynnRc;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process environment a command runs in: variables, working and home directory, and the command
 * that runs this CLI again ({@code launcher}: bin/flynn's full path, as git credential helpers are
 * configured with it).
 */
public record Environment(Map<String, String> vars, Path cwd, Path home, String launcher) {
  /** Set by bin/flynn to its own full path. */
  public static final String LAUNCHER_PROPERTY = "flynn.cli";

  public Environment {
    vars = Map.copyOf(vars);
  }

  /** With {@code flynn} (found on the PATH) as the launcher. */
  public Environment(Map<String, String> vars, Path cwd, Path home) {
    this(vars, cwd, home, "flynn");
  }

  public static Environment current() {
    return new Environment(
        System.getenv(),
        Path.of("").toAbsolutePath(),
        Path.of(System.getProperty("user.home")),
        System.getProperty(LAUNCHER_PROPERTY, "flynn"));
  }

  /** The value of a variable, or null when unset or empty. */
  public String var(String name) {
    String value = vars.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  public Path flynnrc() {
    return FlynnRc.path(var("FLYNNRC"), home);
  }
}
