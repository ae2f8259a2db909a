package flynn.router.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies one channel's bytes to its peer and closes the peer when its own side closes. The next
 * read is asked for only after the previous write succeeded, so a slow reader slows the writer (the
 * channel runs with auto-read off). Until {@link #start} it holds what arrives, so a pipeline can
 * be switched from HTTP to raw bytes without losing any.
 */
public final class RelayHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(RelayHandler.class);

  private final Channel peer;
  private final List<Object> held = new ArrayList<>();
  private ChannelHandlerContext ctx;
  private boolean started;

  public RelayHandler(Channel peer, boolean started) {
    this.peer = peer;
    this.started = started;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  /** Sends what was held, then relays as bytes arrive. */
  public void start() {
    started = true;
    for (Object msg : held) {
      peer.write(msg);
    }
    held.clear();
    peer.flush();
    ctx.read();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    if (started) {
      ctx.read();
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!started) {
      held.add(msg);
      return;
    }
    peer.writeAndFlush(msg)
        .addListener(
            (ChannelFutureListener)
                f -> {
                  if (f.isSuccess()) {
                    ctx.channel().read();
                  } else {
                    f.channel().close();
                  }
                });
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closeOnFlush(peer);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    held.forEach(io.netty.util.ReferenceCountUtil::release);
    held.clear();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("relay closed channel={} reason={}", ctx.channel(), cause.toString());
    closeOnFlush(ctx.channel());
  }

  /** Closes {@code ch} once what was written to it is flushed. */
  public static void closeOnFlush(Channel ch) {
    if (ch.isActive()) {
      ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
