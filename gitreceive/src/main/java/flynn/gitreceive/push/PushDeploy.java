package flynn.gitreceive.push;

/** Turns a pushed commit into a running release (a build, then a release and its rollout). */
public interface PushDeploy {
  /**
   * Deploys {@code push}, telling the pusher each step through {@code log}.
   *
   * @throws PushFailedException when the push must be refused; nothing of the app changed
   */
  void deploy(Push push, PushLog log);
}
