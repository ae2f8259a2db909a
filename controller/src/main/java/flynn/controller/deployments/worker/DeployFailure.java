package flynn.controller.deployments.worker;

/** Why a deployment failed (a new job went down, a step timed out): its message is the error. */
final class DeployFailure extends Exception {
  private static final long serialVersionUID = 1L;

  DeployFailure(String message) {
    super(message);
  }
}
