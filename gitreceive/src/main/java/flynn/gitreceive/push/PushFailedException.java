package flynn.gitreceive.push;

/** A deploy that failed with a reason the pusher can act on; the push is refused. */
public final class PushFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PushFailedException(String message) {
    super(message);
  }

  public PushFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
