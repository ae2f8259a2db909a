package flynn.router.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HeaderTimeoutHandlerTest {
  private final HeaderTimeoutHandler timeout = new HeaderTimeoutHandler(Duration.ofSeconds(10));
  private final EmbeddedChannel channel = new EmbeddedChannel(timeout);

  @Test
  void aConnectionWithoutHeadersIsClosedAtTheTimeout() {
    elapse(9);
    assertThat(channel.isOpen()).isTrue();

    elapse(2);
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void headersInTimeStopTheClockUntilTheNextRequestStarts() {
    timeout.headReceived();
    elapse(60);
    assertThat(channel.isOpen()).isTrue();

    timeout.exchangeDone();
    elapse(60);
    assertThat(channel.isOpen()).as("idle between requests is the idle timeout's job").isTrue();

    channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'G'}));
    elapse(11);
    assertThat(channel.isOpen()).isFalse();
    channel.finishAndReleaseAll();
  }

  @Test
  void bytesReadAheadDuringAResponseStartTheNextRequestsClock() {
    timeout.headReceived();
    timeout.readingAhead();
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'G'}));
    elapse(60);
    assertThat(channel.isOpen()).as("the response is still under way").isTrue();

    timeout.exchangeDone();
    elapse(11);
    assertThat(channel.isOpen()).isFalse();
    channel.finishAndReleaseAll();
  }

  @Test
  void requestBodyBytesDoNotStartTheNextRequestsClock() {
    timeout.headReceived();
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'b', 'o', 'd', 'y'}));
    timeout.readingAhead();
    timeout.exchangeDone();
    elapse(60);
    assertThat(channel.isOpen()).isTrue();
    channel.finishAndReleaseAll();
  }

  @Test
  void aRequestStartedLateGetsItsWholeTimeout() {
    timeout.headReceived();
    timeout.exchangeDone();
    elapse(8);
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'G'}));
    elapse(9);
    assertThat(channel.isOpen()).as("9 s into the second request's headers").isTrue();

    elapse(2);
    assertThat(channel.isOpen()).isFalse();
    channel.finishAndReleaseAll();
  }

  private void elapse(long seconds) {
    channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
  }
}
