package flynn.builder;

/** A build that produced no slug, with a message the pusher can act on. */
public final class BuildFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BuildFailedException(String message) {
    super(message);
  }
}
