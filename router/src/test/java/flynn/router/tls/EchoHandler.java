package flynn.router.tls;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;

/** Stands in for the router's HTTP proxy: answers with what it saw of the request. */
final class EchoHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    String text =
        "proto=%s host=%s path=%s body=%s"
            .formatted(
                request.headers().get(ForwardedProtoHttps.HEADER),
                request.headers().get(HttpHeaderNames.HOST),
                request.uri(),
                request.content().toString(StandardCharsets.UTF_8));
    var response =
        new DefaultFullHttpResponse(
            request.protocolVersion(),
            HttpResponseStatus.OK,
            Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
    ctx.writeAndFlush(response);
  }
}
