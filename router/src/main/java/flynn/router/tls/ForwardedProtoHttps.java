package flynn.router.tls;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Marks every request that arrived over TLS with {@code X-Forwarded-Proto: https}, replacing what
 * the client sent, so the HTTP proxy part behind it need not know which listener it serves.
 */
@Sharable
final class ForwardedProtoHttps extends ChannelInboundHandlerAdapter {
  static final String HEADER = "X-Forwarded-Proto";

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      request.headers().set(HEADER, "https");
    }
    ctx.fireChannelRead(msg);
  }
}
