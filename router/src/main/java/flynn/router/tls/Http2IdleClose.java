package flynn.router.tls;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Closes an HTTP/2 connection that was idle (an {@link IdleStateEvent}) while it had no open
 * stream; a connection with a quiet stream (a long poll) stays.
 */
final class Http2IdleClose extends ChannelInboundHandlerAdapter {
  private final Http2FrameCodec codec;

  Http2IdleClose(Http2FrameCodec codec) {
    this.codec = codec;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent && codec.connection().numActiveStreams() == 0) {
      ctx.close();
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }
}
