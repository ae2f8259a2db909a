package flynn.api.discoverd;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one instance registered in discoverd: registers at once, re-registers every {@link
 * #INTERVAL} (instances expire after discoverd's TTL without it), deregisters on close.
 */
public final class Heartbeat implements AutoCloseable {
  /** Flynn's clients heartbeat every 5 s; discoverd expires an instance 10 s after the last. */
  public static final Duration INTERVAL = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

  private final DiscoverdClient client;
  private final String service;
  private final Instance instance;
  private final Duration interval;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread thread;

  private Heartbeat(DiscoverdClient client, String service, Instance instance, Duration interval) {
    this.client = client;
    this.service = service;
    this.instance = instance;
    this.interval = interval;
    this.thread =
        Thread.ofVirtual()
            .name("heartbeat-" + service + "-" + instance.addr())
            .unstarted(this::run);
  }

  /** Registers the instance (failing if discoverd refuses it) and keeps it registered. */
  public static Heartbeat start(DiscoverdClient client, String service, Instance instance) {
    return start(client, service, instance, INTERVAL);
  }

  /**
   * Like {@link #start(DiscoverdClient, String, Instance)} with another interval, for a discoverd
   * whose TTL is not Flynn's 10 s (tests); keep it well under the TTL.
   */
  public static Heartbeat start(
      DiscoverdClient client, String service, Instance instance, Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("heartbeat interval must be positive: " + interval);
    }
    client.addService(service);
    client.register(service, instance);
    Heartbeat hb = new Heartbeat(client, service, instance, interval);
    hb.thread.start();
    return hb;
  }

  public Instance instance() {
    return instance;
  }

  private void run() {
    while (!closed.get()) {
      try {
        Thread.sleep(interval);
        if (!closed.get()) {
          client.register(service, instance);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warn(
            "heartbeat failed service={} addr={} error={}",
            service,
            instance.addr(),
            e.getMessage());
      }
    }
  }

  /**
   * Stops heartbeating and deregisters, so the instance is gone at once rather than after the TTL.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    thread.interrupt();
    try {
      client.deregister(service, instance.id());
    } catch (RuntimeException e) {
      LOG.warn(
          "deregister failed service={} addr={} error={}",
          service,
          instance.addr(),
          e.getMessage());
    }
  }
}
