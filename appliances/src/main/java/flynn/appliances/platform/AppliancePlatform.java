package flynn.appliances.platform;

import flynn.api.controller.App;
import flynn.api.controller.ControllerClient;
import flynn.api.controller.Formation;
import flynn.api.controller.Release;
import flynn.api.controller.SlugArtifacts;
import flynn.api.discoverd.DiscoverdClient;
import flynn.api.discoverd.Instance;
import flynn.api.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs appliance servers as apps of the platform: creates the app, its release and one job through
 * the controller, finds the server's address in discoverd, and deletes the app again.
 */
public final class AppliancePlatform {
  private static final Logger LOG = LoggerFactory.getLogger(AppliancePlatform.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

  private final ControllerClient controller;
  private final DiscoverdClient discoverd;
  private final Clock clock;

  public AppliancePlatform(ControllerClient controller, DiscoverdClient discoverd, Clock clock) {
    this.controller = controller;
    this.discoverd = discoverd;
    this.clock = clock;
  }

  /**
   * Creates the app of {@code spec} with a first release (env from {@code firstEnv}) and one job,
   * unless it has a release already; answers the current release's env.
   */
  public Map<String, String> ensure(ApplianceSpec spec, Supplier<Map<String, String>> firstEnv) {
    App app = find(spec.app()).orElseGet(() -> create(spec));
    Optional<Release> current = currentRelease(app);
    if (current.isPresent()) {
      return current.get().env() == null ? Map.of() : current.get().env();
    }
    String artifact = controller.releases().createArtifact(SlugArtifacts.stack(spec.stack())).id();
    Release release =
        controller.releases().create(ApplianceRelease.release(spec, artifact, firstEnv.get()));
    controller.apps().setRelease(app.id(), release.id());
    controller
        .formations()
        .put(
            new Formation(app.id(), release.id(), Map.of(spec.processType(), 1), null, null, null));
    LOG.info(
        "appliance={} event=release-created release={} stack={} memory={}",
        spec.app(),
        release.id(),
        spec.stack(),
        spec.memory());
    return release.env();
  }

  /**
   * Waits until discoverd has a leader of {@code service} that {@code accepts} (a real login),
   * logging progress meanwhile.
   *
   * @throws ApiException unavailable when none does within {@code timeout}
   */
  public ServerAddress awaitServer(
      String service, Duration timeout, Predicate<ServerAddress> accepts) {
    Instant start = clock.instant();
    Instant deadline = start.plus(timeout);
    Instant nextProgress = start.plus(PROGRESS_EVERY);
    String state = "no instance in discoverd yet";
    while (clock.instant().isBefore(deadline)) {
      Optional<Instance> leader = discoverd.leader(service);
      if (leader.isPresent()) {
        ServerAddress address = ServerAddress.parse(leader.get().addr());
        if (accepts.test(address)) {
          LOG.info("service={} event=server-ready addr={}", service, address);
          return address;
        }
        state = "the server at " + address + " does not accept logins yet";
      }
      if (!clock.instant().isBefore(nextProgress)) {
        LOG.info(
            "service={} event=waiting-for-server waited={}s state=\"{}\"",
            service,
            Duration.between(start, clock.instant()).toSeconds(),
            state);
        nextProgress = nextProgress.plus(PROGRESS_EVERY);
      }
      pause();
    }
    throw ApiException.unavailable(
        "the "
            + service
            + " server did not come up within "
            + timeout.toSeconds()
            + " s ("
            + state
            + "); see flynn -a "
            + service
            + " log");
  }

  /** Whether the app exists (it may run nothing). */
  public boolean exists(String app) {
    return find(app).isPresent();
  }

  /** Deletes the app and with it its jobs and volumes; an app already gone is fine. */
  public void delete(String app) {
    try {
      controller.apps().delete(app);
      LOG.info("appliance={} event=app-deleted", app);
    } catch (ApiException e) {
      if (!e.isNotFound()) {
        throw e;
      }
    }
  }

  private App create(ApplianceSpec spec) {
    App app = controller.apps().create(ApplianceRelease.app(spec));
    LOG.info("appliance={} event=app-created id={}", spec.app(), app.id());
    return app;
  }

  private Optional<App> find(String name) {
    try {
      return Optional.of(controller.apps().get(name));
    } catch (ApiException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private Optional<Release> currentRelease(App app) {
    if (app.release() == null || app.release().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(controller.apps().release(app.id()));
    } catch (ApiException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("interrupted while waiting for the server");
    }
  }
}
