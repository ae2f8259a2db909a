package flynn.host.health;

import java.io.IOException;

/** A probe's I/O failure in a few words. */
final class Reasons {
  private Reasons() {}

  static String of(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
