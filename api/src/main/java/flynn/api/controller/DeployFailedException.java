package flynn.api.controller;

/**
 * A deployment that ended {@code failed} (the app stays on its release), or that a client stopped
 * following because it did not end in time. The message is the deployer's reason.
 */
public final class DeployFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String deploymentId;

  public DeployFailedException(String deploymentId, String reason) {
    super(reason);
    this.deploymentId = deploymentId;
  }

  public String deploymentId() {
    return deploymentId;
  }
}
