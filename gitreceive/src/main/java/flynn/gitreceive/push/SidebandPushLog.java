package flynn.gitreceive.push;

import flynn.gitreceive.smarthttp.ClientStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PushLog} over JGit's progress side band: each line is flushed at once so the pusher sees
 * it as a {@code remote:} line while the build runs. A named keep-alive thread sends an empty
 * progress packet every few seconds, which keeps idle connections open and finds out when the
 * pusher went away (JGit ignores failed message writes, so the {@link ClientStream} watches).
 */
final class SidebandPushLog implements PushLog, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SidebandPushLog.class);

  private final OutputStream messages;
  private final ClientStream client;
  private final Thread keepAlive;
  private volatile boolean closed;

  SidebandPushLog(OutputStream messages, ClientStream client, boolean sideBand, Duration every) {
    this.messages = messages;
    this.client = client;
    this.keepAlive =
        Thread.ofVirtual()
            .name("gitreceive-keepalive")
            .start(() -> keepAlive(sideBand, every.toMillis()));
  }

  @Override
  public synchronized void line(String text) {
    try {
      messages.write((text + "\n").getBytes(StandardCharsets.UTF_8));
      messages.flush();
    } catch (IOException e) {
      LOG.debug("push line not delivered: {}", e.toString());
    }
  }

  @Override
  public boolean cancelled() {
    return client.gone();
  }

  @Override
  public void close() {
    closed = true;
    keepAlive.interrupt();
  }

  private void keepAlive(boolean sideBand, long everyMillis) {
    String why = "push ended";
    try {
      while (!closed) {
        Thread.sleep(everyMillis);
        boolean alive = sideBand ? client.keepAlive() : !client.gone();
        if (!alive) {
          why = "the pusher went away";
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.debug("keep-alive stopped: {}", why);
  }
}
