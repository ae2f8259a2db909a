package flynn.router.backends;

import static org.assertj.core.api.Assertions.assertThat;

import flynn.api.router.Route;
import flynn.router.backends.Drains.DrainEvent;
import flynn.router.backends.RequestObserver.Completed;
import flynn.router.testing.StaticBackends;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DrainsTest {
  private static final String ADDR = "10.0.0.1:5000";
  private static final Backend WEB = new Backend("web", ADDR, "app", null);
  private static final Route DRAINING =
      Route.http("a.localhost", null, "web").withDrainBackends(true);
  private static final Route NOT_DRAINING =
      Route.http("b.localhost", null, "web").withDrainBackends(false);

  private final StaticBackends source = new StaticBackends();
  private final Drains drains = new Drains(source);

  @Test
  void anAddressTheRouterDoesNotServeIsDrainedAtOnce() {
    assertThat(drains.drained("10.9.9.9:1").isDone()).isTrue();
  }

  @Test
  void aLiveBackendIsNotDrainedEvenWithNothingInFlight() {
    source.set("web", ADDR);
    assertThat(drains.drained(ADDR).isDone()).isFalse();
  }

  @Test
  void aBackendThatLeftIsDrainedWhenItsLastRequestEnds() {
    source.set("web", ADDR);
    drains.started(DRAINING, WEB);
    drains.started(DRAINING, WEB);
    CompletableFuture<Void> drained = drains.drained(ADDR);

    source.set("web");
    assertThat(drained.isDone()).isFalse();
    drains.completed(done(DRAINING));
    assertThat(drained.isDone()).isFalse();
    assertThat(drains.inFlight(ADDR)).isEqualTo(1);
    drains.completed(done(DRAINING));

    assertThat(drained.isDone()).isTrue();
    assertThat(drains.inFlight(ADDR)).isZero();
  }

  @Test
  void aBackendWithNothingInFlightIsDrainedWhenItLeaves() {
    source.set("web", ADDR);
    CompletableFuture<Void> drained = drains.drained(ADDR);
    source.set("web");
    assertThat(drained.isDone()).isTrue();
  }

  @Test
  void requestsOnRoutesThatDoNotDrainAreNotWaitedFor() {
    source.set("web", ADDR);
    drains.started(NOT_DRAINING, WEB);
    source.set("web");
    assertThat(drains.drained(ADDR).isDone()).isTrue();
    drains.completed(done(NOT_DRAINING));
    assertThat(drains.inFlight(ADDR)).isZero();
  }

  @Test
  void aRequestEndingWhileItsBackendIsStillLiveReportsNothing() {
    source.set("web", ADDR);
    drains.started(DRAINING, WEB);
    CompletableFuture<Void> drained = drains.drained(ADDR);
    drains.completed(done(DRAINING));
    assertThat(drained.isDone()).isFalse();
  }

  @Test
  void requestsThatReachedNoBackendChangeNoCount() {
    drains.completed(new Completed(DRAINING, null, 503, 0, 0, 1));
    assertThat(drains.inFlight(ADDR)).isZero();
  }

  @Test
  void subscribersHearABackendGoDownThenDrain() {
    List<DrainEvent> heard = new ArrayList<>();
    source.set("web", ADDR);
    drains.started(DRAINING, WEB);
    Drains.Subscription sub = drains.subscribe(heard::add);
    source.set("web");
    drains.completed(done(DRAINING));
    sub.close();
    source.set("web", ADDR);
    source.set("web");

    assertThat(heard)
        .containsExactly(
            new DrainEvent(DrainEvent.Kind.DOWN, WEB),
            new DrainEvent(DrainEvent.Kind.DRAINED, WEB));
  }

  private static Completed done(Route route) {
    return new Completed(route, WEB, 200, 0, 10, 1_000_000);
  }
}
