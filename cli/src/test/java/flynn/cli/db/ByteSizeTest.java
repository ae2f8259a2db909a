package flynn.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteSizeTest {
  @Test
  void sizesAreInBinaryUnitsWithOneDecimal() {
    assertThat(ByteSize.human(0)).isEqualTo("0 B");
    assertThat(ByteSize.human(1023)).isEqualTo("1023 B");
    assertThat(ByteSize.human(1536)).isEqualTo("1.5 KiB");
    assertThat(ByteSize.human(20L << 20)).isEqualTo("20.0 MiB");
    assertThat(ByteSize.human(3L << 40)).isEqualTo("3.0 TiB");
  }
}
