package flynn.router.tls;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the TLS handshake, builds the rest of the pipeline for the protocol ALPN chose: {@code
 * http/1.1} (also when the client offered none) gets an HTTP/1 codec; {@code h2} gets HTTP/2
 * framing with one child channel per stream, whose frames become HTTP/1 objects. Either way, the
 * requests then reach the same HTTP proxy part.
 */
final class AlpnHandler extends ApplicationProtocolNegotiationHandler {
  private static final Logger log = LoggerFactory.getLogger(AlpnHandler.class);
  static final long MAX_CONCURRENT_STREAMS = 256;

  private final Consumer<ChannelPipeline> httpProxy;

  AlpnHandler(Consumer<ChannelPipeline> httpProxy) {
    super(ApplicationProtocolNames.HTTP_1_1);
    this.httpProxy = httpProxy;
  }

  @Override
  protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
    ChannelPipeline pipeline = ctx.pipeline();
    switch (protocol) {
      case ApplicationProtocolNames.HTTP_1_1 -> {
        pipeline.addLast("http-codec", new HttpServerCodec());
        addProxy(pipeline);
      }
      case ApplicationProtocolNames.HTTP_2 -> {
        pipeline.addLast(
            "h2-codec",
            Http2FrameCodecBuilder.forServer()
                .initialSettings(
                    Http2Settings.defaultSettings().maxConcurrentStreams(MAX_CONCURRENT_STREAMS))
                .build());
        pipeline.addLast("h2-streams", new Http2MultiplexHandler(new StreamInitializer()));
      }
      default -> throw new IllegalStateException("ALPN chose an unsupported protocol " + protocol);
    }
  }

  @Override
  protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
    log.debug(
        "event=tls_handshake_failed remote={} error=\"{}\"",
        ctx.channel().remoteAddress(),
        cause.toString());
    ctx.close();
  }

  private void addProxy(ChannelPipeline pipeline) {
    pipeline.addLast("forwarded-proto", new ForwardedProtoHttps());
    httpProxy.accept(pipeline);
  }

  private final class StreamInitializer extends ChannelInitializer<Channel> {
    @Override
    protected void initChannel(Channel stream) {
      stream.pipeline().addLast("h2-to-http1", new Http2StreamFrameToHttpObjectCodec(true));
      addProxy(stream.pipeline());
    }
  }
}
