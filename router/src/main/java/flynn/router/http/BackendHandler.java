package flynn.router.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a backend connection's pipeline: hands the response's parts to the request that
 * currently uses the connection. Idle in the pool, it closes the connection on any data or idle
 * timeout.
 */
final class BackendHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(BackendHandler.class);

  /** The request being served over this connection. */
  interface Sink {
    void backendMessage(Object msg);

    /** The end of one read from the backend: what was written without a flush goes out now. */
    void backendReadComplete();

    void backendClosed();
  }

  private Sink sink;

  void attach(Sink s) {
    this.sink = s;
  }

  void detach() {
    this.sink = null;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (sink == null) {
      ReferenceCountUtil.release(msg);
      ctx.close();
      return;
    }
    sink.backendMessage(msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    Sink s = sink;
    if (s != null) {
      s.backendReadComplete();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    Sink s = sink;
    sink = null;
    if (s != null) {
      s.backendClosed();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent && sink == null) {
      ctx.close();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("backend connection failed channel={} reason={}", ctx.channel(), cause.toString());
    ctx.close();
  }
}
