package flynn.controller.jobs;

import flynn.api.http.UpgradedConnection;
import flynn.http.upgrade.Upgrade;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies an attached job's bytes between the client's connection and the host's, both ways, until
 * either ends. The frames are Flynn's own, so they pass through untouched; EOF of stdin is a frame,
 * so the end of either connection means the session is over.
 */
final class AttachRelay {
  private static final Logger LOG = LoggerFactory.getLogger(AttachRelay.class);

  private AttachRelay() {}

  static void relay(String jobId, Upgrade.Streams client, UpgradedConnection host) {
    Thread toHost =
        Thread.ofVirtual()
            .name("attach-" + jobId + "-to-host")
            .start(() -> {
              copy(client.in(), host.output());
              host.close(); // the client left: end the host side too
            });
    copy(host.input(), client.out());
    host.close();
    toHost.interrupt();
    LOG.info("job={} event=attach-relay-ended", jobId);
  }

  private static void copy(InputStream from, OutputStream to) {
    byte[] buf = new byte[16 * 1024];
    try {
      for (int n = from.read(buf); n >= 0; n = from.read(buf)) {
        to.write(buf, 0, n);
        to.flush();
      }
    } catch (IOException e) {
      LOG.debug("event=attach-relay-closed error={}", e.toString());
    }
  }
}
