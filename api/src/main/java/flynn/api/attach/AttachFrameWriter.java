package flynn.api.attach;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@link AttachFrame}s, each flushed at once. Thread-safe: output of several streams and the
 * exit may be written from different threads, and frames never interleave.
 */
public final class AttachFrameWriter {
  private final DataOutputStream out;

  public AttachFrameWriter(OutputStream out) {
    this.out = new DataOutputStream(out);
  }

  public synchronized void state(byte state) throws IOException {
    out.writeByte(state);
    out.flush();
  }

  /** A data frame; an empty one ends {@code stream}. */
  public synchronized void data(int stream, byte[] bytes, int offset, int length)
      throws IOException {
    out.writeByte(AttachFrame.DATA);
    out.writeByte(stream);
    out.writeInt(length);
    out.write(bytes, offset, length);
    out.flush();
  }

  public void data(int stream, byte[] bytes) throws IOException {
    data(stream, bytes, 0, bytes.length);
  }

  public void eof(int stream) throws IOException {
    data(stream, new byte[0], 0, 0);
  }

  public synchronized void signal(int signal) throws IOException {
    out.writeByte(AttachFrame.SIGNAL);
    out.writeInt(signal);
    out.flush();
  }

  public synchronized void resize(int height, int width) throws IOException {
    out.writeByte(AttachFrame.RESIZE);
    out.writeShort(height);
    out.writeShort(width);
    out.flush();
  }

  public synchronized void exit(int status) throws IOException {
    out.writeByte(AttachFrame.EXIT);
    out.writeInt(status);
    out.flush();
  }

  public synchronized void error(String message) throws IOException {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    out.writeByte(AttachFrame.ERROR);
    out.writeInt(bytes.length);
    out.write(bytes);
    out.flush();
  }

  /** Writes {@code frame} as it was read (for relaying frames). */
  public void write(AttachFrame frame) throws IOException {
    switch (frame) {
      case AttachFrame.Data d -> data(d.stream(), d.bytes());
      case AttachFrame.Signal s -> signal(s.signal());
      case AttachFrame.Resize r -> resize(r.height(), r.width());
      case AttachFrame.Exit e -> exit(e.status());
      case AttachFrame.Error e -> error(e.message());
      case AttachFrame.State s -> state(s.state());
    }
  }
}
