package flynn.controller.apps;

import flynn.api.controller.App;
import flynn.api.http.ApiException;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** App name rules, and the random names apps get when created without one. */
public final class AppNames {
  private static final Pattern VALID = Pattern.compile(App.NAME_PATTERN);
  private static final List<String> ADJECTIVES =
      List.of(
          "amber", "brave", "calm", "eager", "fuzzy", "gentle", "happy", "jolly", "lively",
          "mellow", "nimble", "proud", "quiet", "rapid", "shiny", "sunny", "tidy", "vivid", "witty",
          "zesty");
  private static final List<String> NOUNS =
      List.of(
          "badger", "comet", "dolphin", "falcon", "garden", "harbor", "island", "lantern", "meadow",
          "nebula", "otter", "pebble", "river", "sparrow", "thunder", "valley", "willow", "zephyr");

  private final RandomGenerator random;

  public AppNames(RandomGenerator random) {
    this.random = random;
  }

  public static boolean isValid(String name) {
    return name != null && name.length() <= App.NAME_MAX_LENGTH && VALID.matcher(name).matches();
  }

  /** {@code name}, or a validation error on field {@code name} saying what a valid one is. */
  public static String require(String name) {
    if (!isValid(name)) {
      throw ApiException.validation(
          "name",
          "invalid app name "
              + (name == null ? "" : '"' + name + "\" ")
              + "(use lowercase letters, digits and single dashes, at most "
              + App.NAME_MAX_LENGTH
              + " characters)");
    }
    return name;
  }

  /** A random valid name such as {@code brave-otter-4821}. */
  public String generate() {
    return ADJECTIVES.get(random.nextInt(ADJECTIVES.size()))
        + "-"
        + NOUNS.get(random.nextInt(NOUNS.size()))
        + "-"
        + (1000 + random.nextInt(9000));
  }
}
