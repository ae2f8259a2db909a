package flynn.gitreceive.smarthttp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The response stream to a git client. Remembers when a write failed (the client went away), and
 * can send the empty side-band packet git's own receive-pack sends as a keep-alive, between JGit's
 * packets (JGit writes each packet in one call; writes here are serialized).
 */
public final class ClientStream extends OutputStream {
  private static final byte[] KEEP_ALIVE = "0005\2".getBytes(StandardCharsets.US_ASCII);

  private final OutputStream out;
  private volatile boolean gone;

  public ClientStream(OutputStream out) {
    this.out = out;
  }

  public boolean gone() {
    return gone;
  }

  /** Sends an empty progress packet; returns false when the client is gone. */
  public synchronized boolean keepAlive() {
    try {
      write(KEEP_ALIVE, 0, KEEP_ALIVE.length);
      flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public synchronized void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException | RuntimeException e) {
      throw failed(e);
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException | RuntimeException e) {
      throw failed(e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      out.close();
    } catch (IOException | RuntimeException e) {
      throw failed(e);
    }
  }

  private IOException failed(Exception e) {
    gone = true;
    return e instanceof IOException io ? io : new IOException("the git client went away", e);
  }
}
