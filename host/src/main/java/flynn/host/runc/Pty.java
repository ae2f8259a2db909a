package flynn.host.runc;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A pseudo-terminal from the kernel ({@code posix_openpt}), through JNA because the JDK has none:
 * this side keeps the master; the slave's path is what a child process opens as its terminal.
 * Resizing is {@code TIOCSWINSZ} on the master.
 */
final class Pty implements Closeable {
  static final int SIGWINCH = 28;
  private static final int O_RDWR = 0x2;
  private static final int O_NOCTTY = 0x100;
  private static final int O_CLOEXEC = 0x80000;
  private static final long TIOCGWINSZ = 0x5413;
  private static final long TIOCSWINSZ = 0x5414;
  private static final int EIO = 5;

  /** The few libc calls a pty needs; errno comes back as {@link LastErrorException}. */
  interface LibC extends Library {
    int posix_openpt(int flags) throws LastErrorException;

    int grantpt(int fd) throws LastErrorException;

    int unlockpt(int fd) throws LastErrorException;

    int ptsname_r(int fd, byte[] buf, NativeLong length);

    int ioctl(int fd, NativeLong request, byte[] arg) throws LastErrorException;

    NativeLong read(int fd, byte[] buf, NativeLong count) throws LastErrorException;

    NativeLong write(int fd, byte[] buf, NativeLong count) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    int kill(int pid, int signal) throws LastErrorException;
  }

  private static final LibC C = Native.load("c", LibC.class);

  private final int master;
  private final String slave;
  private volatile boolean closed;

  private Pty(int master, String slave) {
    this.master = master;
    this.slave = slave;
  }

  /** A new terminal of {@code rows} x {@code columns} (zero: the kernel's default). */
  static Pty open(int rows, int columns) throws IOException {
    int fd;
    try {
      fd = C.posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    } catch (LastErrorException e) {
      throw new IOException("cannot open a pseudo-terminal: " + e.getMessage(), e);
    }
    try {
      C.grantpt(fd);
      C.unlockpt(fd);
      byte[] name = new byte[128];
      int err = C.ptsname_r(fd, name, new NativeLong(name.length));
      if (err != 0) {
        throw new IOException("ptsname_r failed: errno " + err);
      }
      Pty pty = new Pty(fd, cString(name));
      if (rows > 0 && columns > 0) {
        pty.resize(rows, columns);
      }
      return pty;
    } catch (LastErrorException | IOException e) {
      C.close(fd);
      throw e instanceof IOException io ? io : new IOException("pty: " + e.getMessage(), e);
    }
  }

  /** The slave's path, e.g. {@code /dev/pts/3}. */
  String slavePath() {
    return slave;
  }

  void resize(int rows, int columns) throws IOException {
    try {
      C.ioctl(master, new NativeLong(TIOCSWINSZ), winsize(rows, columns));
    } catch (LastErrorException e) {
      throw new IOException("cannot resize terminal " + slave + ": " + e.getMessage(), e);
    }
  }

  /** Rows and columns as the kernel has them. */
  int[] size() throws IOException {
    byte[] ws = new byte[8];
    try {
      C.ioctl(master, new NativeLong(TIOCGWINSZ), ws);
    } catch (LastErrorException e) {
      throw new IOException("cannot read the size of " + slave + ": " + e.getMessage(), e);
    }
    ByteBuffer b = ByteBuffer.wrap(ws).order(ByteOrder.nativeOrder());
    return new int[] {Short.toUnsignedInt(b.getShort()), Short.toUnsignedInt(b.getShort())};
  }

  /** {@code struct winsize}: rows, columns, then two unused pixel sizes; native byte order. */
  static byte[] winsize(int rows, int columns) {
    if (rows < 0 || rows > 0xffff || columns < 0 || columns > 0xffff) {
      throw new IllegalArgumentException("terminal size out of range: " + rows + "x" + columns);
    }
    return ByteBuffer.allocate(8)
        .order(ByteOrder.nativeOrder())
        .putShort((short) rows)
        .putShort((short) columns)
        .array();
  }

  /** The text before the first NUL of a C string buffer. */
  static String cString(byte[] buf) {
    int end = 0;
    while (end < buf.length && buf[end] != 0) {
      end++;
    }
    return new String(buf, 0, end, StandardCharsets.US_ASCII);
  }

  /** What the terminal's programs write; ends (-1) once every slave is closed (EIO). */
  InputStream input() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        byte[] buf = off == 0 ? b : new byte[len];
        try {
          int n = C.read(master, buf, new NativeLong(len)).intValue();
          if (n <= 0) {
            return -1;
          }
          if (buf != b) {
            System.arraycopy(buf, 0, b, off, n);
          }
          return n;
        } catch (LastErrorException e) {
          if (e.getErrorCode() == EIO || closed) {
            return -1;
          }
          throw new IOException("reading " + slave + ": " + e.getMessage(), e);
        }
      }
    };
  }

  /** Keyboard input for the terminal's programs. */
  OutputStream output() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        byte[] rest = java.util.Arrays.copyOfRange(b, off, off + len);
        while (rest.length > 0) {
          int n;
          try {
            n = C.write(master, rest, new NativeLong(rest.length)).intValue();
          } catch (LastErrorException e) {
            throw new IOException("writing " + slave + ": " + e.getMessage(), e);
          }
          rest = java.util.Arrays.copyOfRange(rest, n, rest.length);
        }
      }
    };
  }

  /** Sends {@code signal} to process {@code pid} (the JDK only sends TERM and KILL). */
  static void kill(long pid, int signal) throws IOException {
    try {
      C.kill((int) pid, signal);
    } catch (LastErrorException e) {
      throw new IOException("kill " + pid + " " + signal + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      try {
        C.close(master);
      } catch (LastErrorException ignored) {
        // already gone
      }
    }
  }
}
