package flynn.host.images;

/** A layer that cannot be fetched or unpacked safely; the message says which and why. */
public final class LayerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LayerException(String message) {
    super(message);
  }

  public LayerException(String message, Throwable cause) {
    super(message, cause);
  }
}
