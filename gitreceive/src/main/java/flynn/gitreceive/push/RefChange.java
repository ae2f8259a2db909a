package flynn.gitreceive.push;

/**
 * One ref a push changes.
 *
 * @param ref the full ref name, {@code refs/heads/main}
 * @param delete true when the push removes the ref
 */
public record RefChange(String ref, boolean delete) {
  public static final String MAIN = "refs/heads/main";
  public static final String MASTER = "refs/heads/master";
  static final String HEADS = "refs/heads/";

  public boolean deploys() {
    return !delete && (MAIN.equals(ref) || MASTER.equals(ref));
  }

  public boolean isBranch() {
    return ref.startsWith(HEADS);
  }

  /** The short name: {@code main} for {@code refs/heads/main}. */
  public String shortName() {
    int slash = ref.startsWith(HEADS) ? HEADS.length() : ref.lastIndexOf('/') + 1;
    return ref.substring(slash);
  }
}
