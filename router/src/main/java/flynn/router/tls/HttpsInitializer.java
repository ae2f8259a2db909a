package flynn.router.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.util.function.Consumer;

/**
 * The HTTPS listener's pipeline: SNI picks the certificate ({@link TlsContexts}, possibly issuing
 * one first), TLS within the handshake timeout, then ALPN picks HTTP/2 or HTTP/1.1. Requests of
 * both reach the proxy part as HTTP/1 objects ({@code HttpRequest}, {@code HttpContent}) with
 * {@code X-Forwarded-Proto: https}; for HTTP/2 each stream is its own child channel (its {@code
 * localAddress()} is the listener's).
 */
public final class HttpsInitializer extends ChannelInitializer<Channel> {
  static final int MAX_CLIENT_HELLO_BYTES = 16 * 1024;

  private final TlsContexts contexts;
  private final HttpsLimits limits;
  private final Consumer<ChannelPipeline> http1Codec;
  private final Consumer<ChannelPipeline> proxy;

  /**
   * @param http1Codec adds what turns an HTTP/1.1 connection's bytes into HTTP/1 objects, with the
   *     plain listener's timeouts and limits
   * @param proxy adds the proxy part to a pipeline that carries HTTP/1 objects; called once per
   *     HTTP/1.1 connection and once per HTTP/2 stream
   */
  public HttpsInitializer(
      TlsContexts contexts,
      HttpsLimits limits,
      Consumer<ChannelPipeline> http1Codec,
      Consumer<ChannelPipeline> proxy) {
    this.contexts = contexts;
    this.limits = limits;
    this.http1Codec = http1Codec;
    this.proxy = proxy;
  }

  @Override
  protected void initChannel(Channel channel) {
    long handshakeMillis = limits.handshakeTimeout().toMillis();
    channel
        .pipeline()
        .addLast(
            "sni",
            new SniHandler(contexts, MAX_CLIENT_HELLO_BYTES, handshakeMillis) {
              @Override
              protected SslHandler newSslHandler(SslContext context, ByteBufAllocator allocator) {
                SslHandler tls = super.newSslHandler(context, allocator);
                tls.setHandshakeTimeoutMillis(handshakeMillis);
                return tls;
              }
            })
        .addLast("alpn", new AlpnHandler(limits, http1Codec, proxy));
  }
}
