package flynn.router.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;

/** Sets up an accepted plain HTTP/1.1 connection for the proxy. */
public final class HttpProxyInitializer extends ChannelInitializer<Channel> {
  private final HttpProxy proxy;
  private final String proto;

  HttpProxyInitializer(HttpProxy proxy, String proto) {
    this.proxy = proxy;
    this.proto = proto;
  }

  @Override
  protected void initChannel(Channel ch) {
    proxy.addHttp1Handlers(ch.pipeline(), proto);
  }
}
