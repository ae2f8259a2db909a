package flynn.host.runc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PtyTest {
  @Test
  void winsizeIsRowsThenColumnsAsNativeShorts() {
    byte[] ws = Pty.winsize(24, 80);

    assertThat(ws).hasSize(8);
    if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
      assertThat(ws).containsExactly(24, 0, 80, 0, 0, 0, 0, 0);
    }
    assertThatThrownBy(() -> Pty.winsize(70000, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCStringEndsAtItsFirstNul() {
    assertThat(Pty.cString(new byte[] {'/', 'd', 'e', 'v', 0, 'x'})).isEqualTo("/dev");
  }

  @Test
  void aNewTerminalHasTheAskedSizeAndCarriesWhatItsSlaveWrites() throws IOException {
    try (Pty pty = Pty.open(30, 100)) {
      assertThat(pty.size()).containsExactly(30, 100);
      pty.resize(40, 120);
      assertThat(pty.size()).containsExactly(40, 120);

      try (FileOutputStream slave = new FileOutputStream(pty.slavePath())) {
        slave.write("ok\n".getBytes(StandardCharsets.UTF_8));
      }
      InputStream in = pty.input();
      byte[] buf = new byte[16];
      int n = in.read(buf, 0, buf.length);

      assertThat(new String(buf, 0, n, StandardCharsets.UTF_8)).isEqualTo("ok\r\n");
    }
  }
}
