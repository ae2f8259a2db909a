package flynn.gitreceive.build;

import java.util.List;
import org.eclipse.jgit.ignore.FastIgnoreRule;

/**
 * The patterns of an app's {@code .slugignore} (gitignore syntax, as Heroku's): paths that stay out
 * of the build's source.
 */
public final class SlugIgnore {
  public static final String FILE = ".slugignore";

  private final List<FastIgnoreRule> rules;

  private SlugIgnore(List<FastIgnoreRule> rules) {
    this.rules = rules;
  }

  public static SlugIgnore none() {
    return new SlugIgnore(List.of());
  }

  public static SlugIgnore parse(String text) {
    return new SlugIgnore(
        text.lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .map(FastIgnoreRule::new)
            .toList());
  }

  /** True when {@code path} (relative, {@code /}-separated) is left out; the last match wins. */
  public boolean ignores(String path, boolean directory) {
    boolean ignored = false;
    for (FastIgnoreRule rule : rules) {
      if (rule.isMatch(path, directory)) {
        ignored = rule.getResult();
      }
    }
    return ignored;
  }
}
