package flynn.router.tls;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the TLS handshake, builds the rest of the pipeline for the protocol ALPN chose: {@code
 * http/1.1} (also when the client offered none) gets the HTTP/1 codec with the plain listener's
 * timeouts and limits; {@code h2} gets HTTP/2 framing (bounded streams and header lists, closed
 * when idle without streams) with one child channel per stream, whose frames become HTTP/1 objects.
 * Either way, the requests then reach the same HTTP proxy part.
 */
final class AlpnHandler extends ApplicationProtocolNegotiationHandler {
  private static final Logger log = LoggerFactory.getLogger(AlpnHandler.class);

  private final HttpsLimits limits;
  private final Consumer<ChannelPipeline> http1Codec;
  private final Consumer<ChannelPipeline> proxy;

  AlpnHandler(
      HttpsLimits limits, Consumer<ChannelPipeline> http1Codec, Consumer<ChannelPipeline> proxy) {
    super(ApplicationProtocolNames.HTTP_1_1);
    this.limits = limits;
    this.http1Codec = http1Codec;
    this.proxy = proxy;
  }

  @Override
  protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
    ChannelPipeline pipeline = ctx.pipeline();
    switch (protocol) {
      case ApplicationProtocolNames.HTTP_1_1 -> {
        http1Codec.accept(pipeline);
        addProxy(pipeline);
      }
      case ApplicationProtocolNames.HTTP_2 -> addHttp2(pipeline);
      default -> throw new IllegalStateException("ALPN chose an unsupported protocol " + protocol);
    }
  }

  private void addHttp2(ChannelPipeline pipeline) {
    Http2FrameCodec codec =
        Http2FrameCodecBuilder.forServer()
            .initialSettings(
                Http2Settings.defaultSettings()
                    .maxConcurrentStreams(limits.maxConcurrentStreams())
                    .maxHeaderListSize(limits.maxHeaderListSize()))
            .build();
    long idle = limits.idleTimeout().toMillis();
    pipeline
        .addLast("idle", new IdleStateHandler(0, 0, idle, TimeUnit.MILLISECONDS))
        .addLast("h2-codec", codec)
        .addLast("h2-idle-close", new Http2IdleClose(codec))
        .addLast("h2-streams", new Http2MultiplexHandler(new StreamInitializer()));
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
    proxy.accept(pipeline);
  }

  private final class StreamInitializer extends ChannelInitializer<Channel> {
    @Override
    protected void initChannel(Channel stream) {
      stream.pipeline().addLast("h2-to-http1", new Http2StreamFrameToHttpObjectCodec(true));
      addProxy(stream.pipeline());
    }
  }
}
