package flynn.host.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's network policy for jobs while the daemon runs: forwarding on, the {@link
 * FirewallRules} table installed (replacing one a crashed daemon left). {@link #close} deletes the
 * table and restores forwarding.
 */
public final class Firewall implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Firewall.class);

  private enum State {
    LATENT,
    STARTED,
    CLOSED
  }

  private final FirewallConfig config;
  private final Nft nft;
  private final IpForwarding forwarding;
  private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);

  /** {@code stateDir} keeps the forwarding value found at start until it is restored. */
  public Firewall(FirewallConfig config, Path stateDir) {
    this(config, Nft.onHost(), new IpForwarding(IpForwarding.SYSCTL, savedForwarding(stateDir)));
  }

  Firewall(FirewallConfig config, Nft nft, IpForwarding forwarding) {
    this.config = config;
    this.nft = nft;
    this.forwarding = forwarding;
  }

  private static Path savedForwarding(Path stateDir) {
    return stateDir.resolve("net").resolve("ip_forward.before");
  }

  public void start() {
    if (!state.compareAndSet(State.LATENT, State.STARTED)) {
      throw new IllegalStateException("the firewall was already started");
    }
    try {
      forwarding.enable();
      nft.apply(FirewallRules.script(config));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot set up the job firewall (nft table inet "
              + config.table()
              + "): "
              + e.getMessage(),
          e);
    }
    LOG.info(
        "table=inet:{} bridge={} subnet={} router_ports={} tcp_routes={} dns_on_host={}"
            + " event=firewall-installed",
        config.table(),
        config.network().bridge(),
        config.network().subnetCidr(),
        config.routerPorts(),
        config.tcpRoutePorts(),
        config.dnsOnHost());
  }

  @Override
  public void close() {
    if (state.getAndSet(State.CLOSED) != State.STARTED) {
      return;
    }
    try {
      boolean deleted = nft.deleteTable(config.table());
      LOG.info("table=inet:{} deleted={} event=firewall-removed", config.table(), deleted);
    } catch (IOException e) {
      LOG.warn("table=inet:{} event=firewall-remove-failed error=\"{}\"", config.table(), e);
    }
    try {
      forwarding.restore();
    } catch (IOException e) {
      LOG.warn("event=forwarding-restore-failed error=\"{}\"", e.getMessage());
    }
  }
}
