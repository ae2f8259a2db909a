package flynn.host.attach;

import flynn.api.attach.AttachFrame;
import flynn.api.attach.AttachFrameWriter;
import flynn.api.attach.AttachRequest;
import flynn.host.run.StdStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * One client attached to a job: the streams it asked for and the frames written to it. {@link
 * #done()} completes once it got the job's end (exit or error) or went away.
 */
final class Attacher {
  private final AttachRequest request;
  private final AttachFrameWriter writer;
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  Attacher(AttachRequest request, AttachFrameWriter writer) {
    this.request = request;
    this.writer = writer;
  }

  AttachRequest request() {
    return request;
  }

  AttachFrameWriter writer() {
    return writer;
  }

  CompletableFuture<Void> done() {
    return done;
  }

  /** Passes on output of a stream it asked for; false when the client is gone. */
  boolean output(StdStream stream, byte[] bytes, int length) {
    int flag = stream == StdStream.STDOUT ? AttachRequest.STDOUT : AttachRequest.STDERR;
    if (!request.wants(flag) || done.isDone()) {
      return true;
    }
    int wire = stream == StdStream.STDOUT ? AttachFrame.STDOUT : AttachFrame.STDERR;
    try {
      writer.data(wire, bytes, 0, length);
      return true;
    } catch (IOException e) {
      done.complete(null);
      return false;
    }
  }

  void exited(int status) {
    end(() -> writer.exit(status));
  }

  void failed(String error) {
    end(() -> writer.error(error));
  }

  private interface Write {
    void run() throws IOException;
  }

  private void end(Write last) {
    try {
      if (!done.isDone()) {
        last.run();
      }
    } catch (IOException e) {
      // the client went away first; nothing to tell it
    } finally {
      done.complete(null);
    }
  }
}
