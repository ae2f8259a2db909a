package flynn.router;

import flynn.router.net.Transport;

/** {@link RouterProxyIT} on epoll, the transport where io_uring is not available. */
class RouterProxyEpollIT extends RouterProxyIT {
  @Override
  Transport transport() {
    return Transport.EPOLL;
  }
}
