package flynn.api.controller;

import flynn.api.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Deploys a release the way Flynn's clients did: follows the app's {@code deployment} events from
 * before {@code POST /apps/:id/deploy} (so none is missed), hands each event of this deployment to
 * a listener, and returns once it is complete; a failed deployment throws {@link
 * DeployFailedException} with the deployer's reason. When no event comes for a while (a stream that
 * broke, a controller restart) the deployment is read directly, so the watch never hangs on a lost
 * event; it gives up after {@link Settings#deadline()}.
 */
public final class DeployWatch {
  /**
   * @param recheck how long without events before the deployment is read directly
   * @param deadline how long to follow one deployment at most
   */
  public record Settings(Duration recheck, Duration deadline) {
    public static final Settings DEFAULT =
        new Settings(Duration.ofSeconds(5), Duration.ofMinutes(30));
  }

  /** Called on the caller's thread for each event of the deployment, in order. */
  @FunctionalInterface
  public interface Listener {
    Listener NONE = event -> {};

    void event(DeploymentEvent event);
  }

  private static final int EVENTS_SEARCHED_FOR_ERROR = 100;

  private final ControllerClient client;
  private final Settings settings;
  private final Clock clock;

  public DeployWatch(ControllerClient client, Settings settings, Clock clock) {
    this.client = client;
    this.settings = settings;
    this.clock = clock;
  }

  public DeployWatch(ControllerClient client) {
    this(client, Settings.DEFAULT, Clock.systemUTC());
  }

  /**
   * Deploys {@code releaseId} to the app with the app's strategy and waits for the end.
   *
   * @return the finished (complete) deployment
   * @throws DeployFailedException when it failed or did not end before the deadline
   */
  public Deployment deploy(String appId, String releaseId, Listener listener) {
    return deploy(appId, releaseId, null, listener);
  }

  /** As {@link #deploy(String, String, Listener)} with {@code strategy} (if not null). */
  public Deployment deploy(String appId, String releaseId, String strategy, Listener listener) {
    try (DeploymentEventQueue events =
        DeploymentEventQueue.follow(client.events(), appId, settings.recheck())) {
      Deployment created = client.deployments().create(appId, releaseId, strategy);
      return follow(created, events, listener);
    }
  }

  private Deployment follow(Deployment deployment, DeploymentEventQueue events, Listener listener) {
    Instant deadline = clock.instant().plus(settings.deadline());
    Deployment d = deployment;
    while (!d.finished()) {
      Duration left = Duration.between(clock.instant(), deadline);
      if (left.isNegative()) {
        throw overdue(d);
      }
      Optional<DeploymentEvent> next = events.poll(min(left, settings.recheck()));
      if (next.isEmpty()) {
        d = client.deployments().get(d.id());
        continue;
      }
      DeploymentEvent event = next.get();
      if (!d.id().equals(event.deployment())) {
        continue;
      }
      listener.event(event);
      if (Deployment.FAILED.equals(event.status())) {
        throw new DeployFailedException(d.id(), DeployProgress.failure(event));
      }
      if (Deployment.COMPLETE.equals(event.status())) {
        return client.deployments().get(d.id());
      }
    }
    if (Deployment.FAILED.equals(d.status())) {
      throw new DeployFailedException(d.id(), failureReason(d));
    }
    return d;
  }

  private DeployFailedException overdue(Deployment d) {
    return new DeployFailedException(
        d.id(),
        "deployment "
            + d.id()
            + " still "
            + d.status()
            + " after "
            + settings.deadline().toSeconds()
            + " s; see flynn deployment");
  }

  /** The reason in the deployment's failed event, for a failure learned by reading it. */
  private String failureReason(Deployment d) {
    List<Event> recent =
        client.events().list(d.app(), List.of(Event.DEPLOYMENT), EVENTS_SEARCHED_FOR_ERROR);
    return recent.stream()
        .filter(e -> e.data() != null)
        .map(e -> Json.mapper().convertValue(e.data(), DeploymentEvent.class))
        .filter(e -> d.id().equals(e.deployment()) && Deployment.FAILED.equals(e.status()))
        .map(DeployProgress::failure)
        .findFirst()
        .orElse("deployment " + d.id() + " failed");
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }
}
