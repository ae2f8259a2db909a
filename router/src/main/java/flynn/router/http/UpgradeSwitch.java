package flynn.router.http;

import flynn.router.net.RelayHandler;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a proxied exchange into a raw byte relay after the backend's {@code 101 Switching
 * Protocols}: forwards the 101, then, once the current read is over, takes the HTTP handlers out of
 * both pipelines and relays bytes both ways. Bytes either codec still held are relayed first.
 */
final class UpgradeSwitch {
  private final ChannelHandlerContext ctx;
  private final Channel backend;
  private final List<Object> early = new ArrayList<>();

  private UpgradeSwitch(ChannelHandlerContext ctx, Channel backend) {
    this.ctx = ctx;
    this.backend = backend;
  }

  static UpgradeSwitch start(
      ChannelHandlerContext ctx, Exchange e, HttpResponse switching, AccessLog log) {
    UpgradeSwitch s = new UpgradeSwitch(ctx, e.connection.channel());
    e.backend = e.connection.backend();
    e.headSent = true;
    e.responseDone = true;
    e.requestDone = true;
    ctx.write(switching);
    ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    log.record(e, System.nanoTime());
    ctx.channel().eventLoop().execute(s::relay);
    return s;
  }

  /** What the backend sent after the 101 before the switch: the upgraded protocol's bytes. */
  void fromBackend(Object msg) {
    if (msg instanceof ByteBuf) {
      early.add(msg);
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  private void relay() {
    Channel client = ctx.channel();
    if (!client.isActive() || !backend.isActive()) {
      release();
      client.close();
      backend.close();
      return;
    }
    RelayHandler toClient = new RelayHandler(client, false);
    ChannelPipeline bp = backend.pipeline();
    bp.replace(BackendHandler.class, "relay", toClient);
    bp.remove("idle");
    bp.remove("http-codec");

    ((ProxyHandler) ctx.handler()).upgraded();
    RelayHandler toBackend = new RelayHandler(backend, false);
    ChannelPipeline cp = client.pipeline();
    cp.replace(ctx.handler(), "relay", toBackend);
    if (cp.get(HeaderTimeoutHandler.class) != null) {
      cp.remove(HeaderTimeoutHandler.class);
    }
    if (cp.get("idle") != null) {
      cp.remove("idle");
    }
    cp.remove(HttpServerCodec.class);

    early.forEach(client::write);
    early.clear();
    toClient.start();
    toBackend.start();
  }

  private void release() {
    early.forEach(ReferenceCountUtil::release);
    early.clear();
  }
}
