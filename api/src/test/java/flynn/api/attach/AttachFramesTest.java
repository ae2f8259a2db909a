package flynn.api.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttachFramesTest {
  @Test
  void framesAreWrittenInFlynnsByteLayout() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AttachFrameWriter writer = new AttachFrameWriter(out);
    writer.data(AttachFrame.STDOUT, "hi".getBytes(StandardCharsets.UTF_8));
    writer.resize(24, 80);
    writer.signal(2);
    writer.exit(3);

    assertThat(out.toByteArray())
        .containsExactly(
            3, 1, 0, 0, 0, 2, 'h', 'i', // data, stdout, length 2
            6, 0, 24, 0, 80, // resize: height, width
            4, 0, 0, 0, 2, // signal 2
            5, 0, 0, 0, 3); // exit 3
  }

  @Test
  void whatIsWrittenReadsBackAsTheSameFrames() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AttachFrameWriter writer = new AttachFrameWriter(out);
    writer.state(AttachFrame.WAITING);
    writer.state(AttachFrame.SUCCESS);
    writer.data(AttachFrame.STDERR, new byte[] {1, 2, 3});
    writer.eof(AttachFrame.STDIN);
    writer.error("host: job not running");
    writer.exit(137);

    List<AttachFrame> frames = readAll(out.toByteArray());

    assertThat(frames).hasSize(6);
    assertThat(frames.get(0)).isEqualTo(new AttachFrame.State(AttachFrame.WAITING));
    assertThat(frames.get(1)).isEqualTo(new AttachFrame.State(AttachFrame.SUCCESS));
    AttachFrame.Data data = (AttachFrame.Data) frames.get(2);
    assertThat(data.stream()).isEqualTo(AttachFrame.STDERR);
    assertThat(data.bytes()).containsExactly(1, 2, 3);
    assertThat(((AttachFrame.Data) frames.get(3)).eof()).isTrue();
    assertThat(frames.get(4)).isEqualTo(new AttachFrame.Error("host: job not running"));
    assertThat(frames.get(5)).isEqualTo(new AttachFrame.Exit(137));
  }

  @Test
  void aFrameCutShortIsAnErrorNotTheEnd() {
    AttachFrameReader reader =
        new AttachFrameReader(new ByteArrayInputStream(new byte[] {3, 1, 0, 0, 0, 5, 'a'}));

    assertThatThrownBy(reader::next).isInstanceOf(EOFException.class);
  }

  @Test
  void anUnknownFrameTypeIsRejected() {
    AttachFrameReader reader = new AttachFrameReader(new ByteArrayInputStream(new byte[] {42}));

    assertThatThrownBy(reader::next).hasMessageContaining("unknown frame type 42");
  }

  @Test
  void anAttachRequestWithoutZeroFieldsReadsAsZeros() throws IOException {
    AttachRequest req =
        flynn.api.Json.mapper().readValue("{\"job_id\":\"h-1\"}", AttachRequest.class);

    assertThat(req.flags()).isZero();
    assertThat(req.height()).isZero();
    assertThat(req.wants(AttachRequest.STDIN)).isFalse();
  }

  private static List<AttachFrame> readAll(byte[] bytes) throws IOException {
    AttachFrameReader reader = new AttachFrameReader(new ByteArrayInputStream(bytes));
    List<AttachFrame> frames = new ArrayList<>();
    for (AttachFrame f = reader.next(); f != null; f = reader.next()) {
      frames.add(f);
    }
    return frames;
  }
}
