package flynn.cli;

import flynn.api.config.FlynnRc;
import java.nio.file.Path;
import java.util.Map;

/** The process environment a command runs in: variables, working and home directory. */
public record Environment(Map<String, String> vars, Path cwd, Path home) {
  public Environment {
    vars = Map.copyOf(vars);
  }

  public static Environment current() {
    return new Environment(
        System.getenv(), Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")));
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
