package flynn.gitreceive.build;

import flynn.api.attach.AttachFrame;
import flynn.api.attach.AttachFrameWriter;
import java.io.IOException;
import java.io.OutputStream;

/** An output stream whose bytes go to an attached job's stdin as data frames. */
final class StdinFrames extends OutputStream {
  private final AttachFrameWriter writer;

  StdinFrames(AttachFrameWriter writer) {
    this.writer = writer;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (len > 0) {
      writer.data(AttachFrame.STDIN, b, off, len);
    }
  }
}
