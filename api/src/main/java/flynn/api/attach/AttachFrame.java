package flynn.api.attach;

/**
 * One frame of Flynn's {@code flynn-attach/0} protocol, after the HTTP upgrade: a type byte, then
 * big-endian fields. Data frames carry a stream (0 stdin, 1 stdout, 2 stderr); an empty data frame
 * is the end of that stream.
 */
public sealed interface AttachFrame {
  /** Type bytes; the first three are also the one-byte attach states the host sends first. */
  byte SUCCESS = 0;

  byte WAITING = 1;
  byte ERROR = 2;
  byte DATA = 3;
  byte SIGNAL = 4;
  byte EXIT = 5;
  byte RESIZE = 6;

  int STDIN = 0;
  int STDOUT = 1;
  int STDERR = 2;

  record Data(int stream, byte[] bytes) implements AttachFrame {
    public boolean eof() {
      return bytes.length == 0;
    }
  }

  record Signal(int signal) implements AttachFrame {}

  record Resize(int height, int width) implements AttachFrame {}

  record Exit(int status) implements AttachFrame {}

  record Error(String message) implements AttachFrame {}

  /** A lone state byte (success or waiting), as the host sends before the frames. */
  record State(byte state) implements AttachFrame {}
}
