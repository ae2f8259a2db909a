package flynn.api.attach;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads {@link AttachFrame}s from a stream; not thread-safe (one reader per connection). */
public final class AttachFrameReader {
  /** Larger frames are a broken or hostile peer, not output. */
  static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;

  private final DataInputStream in;

  public AttachFrameReader(InputStream in) {
    this.in = new DataInputStream(in);
  }

  /** The next frame, or null at a clean end of the stream (between frames). */
  public AttachFrame next() throws IOException {
    int type = in.read();
    if (type < 0) {
      return null;
    }
    return switch ((byte) type) {
      case AttachFrame.SUCCESS, AttachFrame.WAITING -> new AttachFrame.State((byte) type);
      case AttachFrame.ERROR ->
          new AttachFrame.Error(new String(payload(), StandardCharsets.UTF_8));
      case AttachFrame.DATA -> {
        int stream = in.readUnsignedByte();
        yield new AttachFrame.Data(stream, payload());
      }
      case AttachFrame.SIGNAL -> new AttachFrame.Signal(in.readInt());
      case AttachFrame.EXIT -> new AttachFrame.Exit(in.readInt());
      case AttachFrame.RESIZE ->
          new AttachFrame.Resize(in.readUnsignedShort(), in.readUnsignedShort());
      default -> throw new IOException("attach: unknown frame type " + type);
    };
  }

  /** The first byte the host sends: success, waiting, or an error frame. */
  public AttachFrame state() throws IOException {
    AttachFrame frame = next();
    if (frame == null) {
      throw new EOFException("attach: connection closed before the attach state");
    }
    return frame;
  }

  private byte[] payload() throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_FRAME_BYTES) {
      throw new IOException("attach: frame of " + Integer.toUnsignedString(length) + " bytes");
    }
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) {
      throw new EOFException("attach: connection closed inside a frame");
    }
    return bytes;
  }
}
