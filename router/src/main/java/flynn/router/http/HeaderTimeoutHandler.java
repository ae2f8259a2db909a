package flynn.router.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request headers take longer than the timeout to arrive: the clock
 * starts with the connection and with the first byte of each later request, and stops when the
 * proxy has the headers. Sits before the HTTP codec; passes everything through. One timer per
 * connection: a request only notes when its head started, and the timer, when it fires, closes the
 * connection or re-arms for what is left (no task scheduled and cancelled per request).
 */
final class HeaderTimeoutHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(HeaderTimeoutHandler.class);

  private final long timeoutNanos;
  private ChannelHandlerContext ctx;
  private ScheduledFuture<?> timer;
  private long headStartedAt;
  private State state = State.READING_HEAD;
  private boolean nextRequestStarted;

  private enum State {
    BETWEEN_REQUESTS,
    READING_HEAD,
    IN_EXCHANGE,
    READING_AHEAD
  }

  HeaderTimeoutHandler(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    if (ctx.channel().isActive()) {
      arm();
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    arm();
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf) {
      if (state == State.BETWEEN_REQUESTS) {
        state = State.READING_HEAD;
        arm();
      } else if (state == State.READING_AHEAD) {
        nextRequestStarted = true;
      }
    }
    ctx.fireChannelRead(msg);
  }

  /** The proxy has a request's headers. */
  void headReceived() {
    state = State.IN_EXCHANGE;
    nextRequestStarted = false;
  }

  /**
   * The proxy has the whole request and reads on while the response is under way: bytes from now on
   * belong to the next request, whose clock starts when this exchange is done.
   */
  void readingAhead() {
    if (state == State.IN_EXCHANGE) {
      state = State.READING_AHEAD;
    }
  }

  /** The proxy finished an exchange; the next bytes start a new request. */
  void exchangeDone() {
    if (nextRequestStarted) {
      nextRequestStarted = false;
      state = State.READING_HEAD;
      arm();
    } else {
      state = State.BETWEEN_REQUESTS;
    }
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    cancel();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancel();
    ctx.fireChannelInactive();
  }

  private void arm() {
    headStartedAt = ctx.executor().ticker().nanoTime();
    if (timer == null) {
      schedule(timeoutNanos);
    }
  }

  private void schedule(long delayNanos) {
    timer = ctx.executor().schedule(this::expire, delayNanos, TimeUnit.NANOSECONDS);
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  private void expire() {
    timer = null;
    if (state != State.READING_HEAD || !ctx.channel().isActive()) {
      return;
    }
    long left = timeoutNanos - (ctx.executor().ticker().nanoTime() - headStartedAt);
    if (left > 0) {
      schedule(left);
    } else {
      LOG.info(
          "closing connection: request headers too slow client={}", ctx.channel().remoteAddress());
      ctx.close();
    }
  }
}
