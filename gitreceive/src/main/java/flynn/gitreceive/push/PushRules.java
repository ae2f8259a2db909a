package flynn.gitreceive.push;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which refs of a push are accepted and which one deploys. Only {@code main} or {@code master}
 * deploys; pushes to other branches and deletes are refused with a message saying what to do; tags
 * are kept without a deploy. Non-fast-forward updates are left to git (refused by the client unless
 * forced).
 */
public final class PushRules {
  private PushRules() {}

  /**
   * What to do with a push.
   *
   * @param deploy the change that deploys, if any
   * @param refusals each refused change with the reason the pusher sees
   */
  public record Plan(Optional<RefChange> deploy, Map<RefChange, String> refusals) {}

  public static Plan plan(List<RefChange> changes) {
    Map<RefChange, String> refusals = new LinkedHashMap<>();
    RefChange deploy = null;
    for (RefChange change : changes) {
      Optional<String> refusal = refusal(change);
      if (refusal.isPresent()) {
        refusals.put(change, refusal.get());
      } else if (change.deploys() && deploy != null) {
        refusals.put(change, "push main or master, not both at once");
      } else if (change.deploys()) {
        deploy = change;
      }
    }
    return new Plan(Optional.ofNullable(deploy), refusals);
  }

  static Optional<String> refusal(RefChange change) {
    if (change.delete()) {
      return Optional.of("deleting " + change.shortName() + " is not allowed");
    }
    if (change.isBranch() && !change.deploys()) {
      return Optional.of(
          "only main or master deploys; push it as main: git push flynn "
              + change.shortName()
              + ":main");
    }
    return Optional.empty();
  }
}
