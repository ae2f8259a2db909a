package flynn.router.tls;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SniHandler;
import java.util.function.Consumer;

/**
 * The HTTPS listener's pipeline: SNI picks the certificate ({@link TlsContexts}), TLS, then ALPN
 * picks HTTP/2 or HTTP/1.1. Requests of both reach {@code httpProxy}'s handlers as HTTP/1 objects
 * ({@code HttpRequest}, {@code HttpContent}) with {@code X-Forwarded-Proto: https}; for HTTP/2 each
 * stream is its own child channel (its {@code localAddress()} is the listener's).
 *
 * @param httpProxy adds the HTTP proxy's handlers to the end of a pipeline that already decodes
 *     HTTP/1 objects; called once per HTTP/1.1 connection and once per HTTP/2 stream
 */
public final class HttpsInitializer extends ChannelInitializer<Channel> {
  static final int MAX_CLIENT_HELLO_BYTES = 16 * 1024;
  static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

  private final TlsContexts contexts;
  private final Consumer<ChannelPipeline> httpProxy;

  public HttpsInitializer(TlsContexts contexts, Consumer<ChannelPipeline> httpProxy) {
    this.contexts = contexts;
    this.httpProxy = httpProxy;
  }

  @Override
  protected void initChannel(Channel channel) {
    channel
        .pipeline()
        .addLast("sni", new SniHandler(contexts, MAX_CLIENT_HELLO_BYTES, HANDSHAKE_TIMEOUT_MILLIS))
        .addLast("alpn", new AlpnHandler(httpProxy));
  }
}
