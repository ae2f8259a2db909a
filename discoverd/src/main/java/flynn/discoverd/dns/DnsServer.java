package flynn.discoverd.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * discoverd's DNS on one address and port, UDP and TCP: a receive loop and an accept loop on
 * virtual threads, and a virtual thread per query (forwarding blocks on other resolvers), with a
 * bound on what is in flight: beyond it UDP queries are dropped (clients retry) and TCP connections
 * refused.
 */
public final class DnsServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DnsServer.class);
  private static final int MAX_IN_FLIGHT = 256;
  private static final int TCP_IDLE_MILLIS = 10_000;
  private static final int BIND_ATTEMPTS = 5;

  private final DnsHandler handler;
  private final InetSocketAddress address;
  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Only the UDP receive loop uses it; each query is copied out before the next receive. */
  private final byte[] udpBuffer = new byte[65_535];

  private DnsServer(DnsHandler handler, DatagramSocket udp, ServerSocket tcp) {
    this.handler = handler;
    this.address = (InetSocketAddress) udp.getLocalSocketAddress();
    this.udp = udp;
    this.tcp = tcp;
  }

  /**
   * Binds UDP and TCP and starts serving names under {@code discoverd.} from {@code services}.
   *
   * @throws BindException when the address or port is not available (another DNS server owns it)
   */
  public static DnsServer start(DnsConfig config, KnownServices services) throws IOException {
    boolean forwarding = !config.upstreams().isEmpty();
    Forwarder forwarder =
        forwarding
            ? new UpstreamForwarder(config.upstreams(), config.forwardTimeout())
            : Forwarder.NONE;
    DnsAnswers answers =
        new DnsAnswers(services, RandomGenerator.getDefault(), Clock.systemUTC(), forwarding);
    DnsServer server = bind(config, new DnsHandler(answers, forwarder, forwarding));
    server.serve();
    LOG.info(
        "address={} upstreams={} event=dns-started",
        text(server.address()),
        config.upstreams().stream().map(DnsServer::text).toList());
    return server;
  }

  private static DnsServer bind(DnsConfig config, DnsHandler handler) throws IOException {
    for (int attempt = 1; ; attempt++) {
      DatagramSocket udp = new DatagramSocket(null);
      try {
        udp.bind(new InetSocketAddress(config.bindHost(), config.port()));
        ServerSocket tcp = new ServerSocket();
        try {
          tcp.setReuseAddress(true);
          tcp.bind(new InetSocketAddress(config.bindHost(), udp.getLocalPort()), 64);
          return new DnsServer(handler, udp, tcp);
        } catch (IOException e) {
          tcp.close();
          throw e;
        }
      } catch (BindException e) {
        udp.close();
        if (config.port() != 0 || attempt == BIND_ATTEMPTS) {
          throw bindFailure(config, e);
        }
      } catch (IOException | RuntimeException e) {
        udp.close();
        throw e;
      }
    }
  }

  private static BindException bindFailure(DnsConfig config, BindException e) {
    BindException failure =
        new BindException(
            "cannot listen for DNS on "
                + config.bindHost()
                + ":"
                + config.port()
                + " (udp and tcp): "
                + e.getMessage());
    failure.initCause(e);
    return failure;
  }

  private static String text(InetSocketAddress address) {
    return address.getAddress().getHostAddress() + ":" + address.getPort();
  }

  /** The address both UDP and TCP listen on. */
  public InetSocketAddress address() {
    return address;
  }

  private void serve() {
    Thread.ofVirtual().name("discoverd-dns-udp").start(() -> loop("udp", this::receiveUdp));
    Thread.ofVirtual().name("discoverd-dns-tcp").start(() -> loop("tcp", this::acceptTcp));
  }

  @FunctionalInterface
  private interface Step {
    void run() throws IOException;
  }

  /** Runs a listener's step until the server closes, logging why it ended otherwise. */
  private void loop(String transport, Step step) {
    try {
      while (!closed.get()) {
        step.run();
      }
    } catch (IOException | RuntimeException e) {
      if (!closed.get()) {
        LOG.error("transport={} event=dns-listener-died error=\"{}\"", transport, e.toString(), e);
      }
    }
  }

  private void receiveUdp() throws IOException {
    DatagramPacket packet = new DatagramPacket(udpBuffer, udpBuffer.length);
    udp.receive(packet);
    if (!inFlight.tryAcquire()) {
      return;
    }
    byte[] query = Arrays.copyOf(udpBuffer, packet.getLength());
    var client = packet.getSocketAddress();
    Thread.ofVirtual()
        .name("discoverd-dns-udp-query")
        .start(() -> {
          try {
            reply(handler.handle(query, Transport.UDP), client);
          } finally {
            inFlight.release();
          }
        });
  }

  private void reply(Optional<byte[]> reply, SocketAddress client) {
    reply.ifPresent(bytes -> {
      try {
        udp.send(new DatagramPacket(bytes, bytes.length, client));
      } catch (IOException e) {
        LOG.debug("client={} event=dns-reply-failed error=\"{}\"", client, e.toString());
      }
    });
  }

  private void acceptTcp() throws IOException {
    Socket socket = tcp.accept();
    if (!inFlight.tryAcquire()) {
      socket.close();
      return;
    }
    connections.add(socket);
    Thread.ofVirtual()
        .name("discoverd-dns-tcp-conn")
        .start(() -> {
          try (socket) {
            converse(socket);
          } catch (IOException e) {
            LOG.debug("event=dns-tcp-connection-ended error=\"{}\"", e.toString());
          } finally {
            connections.remove(socket);
            inFlight.release();
          }
        });
  }

  /** Answers length-prefixed queries on one connection until the client closes or idles. */
  private void converse(Socket socket) throws IOException {
    socket.setSoTimeout(TCP_IDLE_MILLIS);
    DataInputStream in = new DataInputStream(socket.getInputStream());
    DataOutputStream out = new DataOutputStream(socket.getOutputStream());
    while (!closed.get()) {
      byte[] query;
      try {
        query = new byte[in.readUnsignedShort()];
        in.readFully(query);
      } catch (EOFException | SocketTimeoutException e) {
        return;
      }
      Optional<byte[]> reply = handler.handle(query, Transport.TCP);
      if (reply.isEmpty()) {
        return;
      }
      out.writeShort(reply.get().length);
      out.write(reply.get());
      out.flush();
    }
  }

  /** Stops listening and ends open TCP connections; queries being answered may still reply. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    udp.close();
    try {
      tcp.close();
    } catch (IOException e) {
      LOG.warn("event=dns-tcp-close-failed error=\"{}\"", e.toString());
    }
    for (Socket socket : connections) {
      try {
        socket.close();
      } catch (IOException e) {
        LOG.debug("event=dns-connection-close-failed error=\"{}\"", e.toString());
      }
    }
    LOG.info("address={} event=dns-stopped", text(address));
  }
}
