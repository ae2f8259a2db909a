package flynn.gitreceive.smarthttp;

import flynn.api.controller.App;
import java.util.Optional;
import java.util.regex.Pattern;

/** The app a repository path segment names: {@code demo.git} (or {@code demo}) is app demo. */
final class RepoName {
  private static final Pattern UUID =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  private static final Pattern NAME = Pattern.compile(App.NAME_PATTERN);

  private RepoName() {}

  static Optional<String> app(String segment) {
    if (segment == null) {
      return Optional.empty();
    }
    String name = segment.endsWith(".git") ? segment.substring(0, segment.length() - 4) : segment;
    boolean valid = NAME.matcher(name).matches() || UUID.matcher(name).matches();
    return valid && name.length() <= App.NAME_MAX_LENGTH ? Optional.of(name) : Optional.empty();
  }
}
