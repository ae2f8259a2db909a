package flynn.router.net;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.List;
import java.util.Locale;

/**
 * The socket transport. io_uring where the kernel offers it: it takes a small proxied request in
 * about a fifth less CPU than epoll (bench/README.md). Native epoll otherwise, NIO as a last
 * resort.
 */
public enum Transport {
  IO_URING,
  EPOLL,
  NIO;

  /** The fastest transport this machine supports. */
  public static Transport best() {
    if (IoUring.isAvailable()) {
      return IO_URING;
    }
    return Epoll.isAvailable() ? EPOLL : NIO;
  }

  /**
   * The transport named {@code name} ({@code io_uring}, {@code epoll} or {@code nio}), which must
   * be available here.
   */
  public static Transport named(String name) {
    Transport t;
    try {
      t = valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown transport \"" + name + "\": use one of " + List.of(values()), e);
    }
    Throwable unavailable = t.unavailabilityCause();
    if (unavailable != null) {
      throw new IllegalArgumentException(
          "the " + t + " transport is not available on this machine: " + unavailable.getMessage(),
          unavailable);
    }
    return t;
  }

  /** An event loop group of {@code threads} threads named {@code name-N}. */
  public EventLoopGroup newGroup(int threads, String name) {
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name), ioHandlers());
  }

  public Class<? extends ServerChannel> serverChannel() {
    return switch (this) {
      case IO_URING -> IoUringServerSocketChannel.class;
      case EPOLL -> EpollServerSocketChannel.class;
      case NIO -> NioServerSocketChannel.class;
    };
  }

  public Class<? extends Channel> socketChannel() {
    return switch (this) {
      case IO_URING -> IoUringSocketChannel.class;
      case EPOLL -> EpollSocketChannel.class;
      case NIO -> NioSocketChannel.class;
    };
  }

  /** The name flags and logs use: {@code io_uring}, {@code epoll}, {@code nio}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  private Throwable unavailabilityCause() {
    return switch (this) {
      case IO_URING -> IoUring.unavailabilityCause();
      case EPOLL -> Epoll.unavailabilityCause();
      case NIO -> null;
    };
  }

  private IoHandlerFactory ioHandlers() {
    return switch (this) {
      case IO_URING -> IoUringIoHandler.newFactory();
      case EPOLL -> EpollIoHandler.newFactory();
      case NIO -> NioIoHandler.newFactory();
    };
  }
}
