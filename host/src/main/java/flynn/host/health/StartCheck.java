package flynn.host.health;

import java.time.Clock;
import java.util.concurrent.Future;

/** Probes a starting job's port until it passes, its start timeout passes, or it is stopped. */
public final class StartCheck {
  private StartCheck() {}

  /**
   * The check's state once it is no longer starting ({@code UP} or {@code NEVER_UP}), or still
   * {@code STARTING} when {@code stop} completed first (the job exited or is being stopped).
   */
  public static HealthState await(CheckSpec spec, Probe probe, Clock clock, Future<?> stop) {
    HealthState state = HealthState.starting(clock.instant());
    while (!stop.isDone()) {
      state = state.next(spec, probe.probe(), clock.instant());
      if (state.phase() != HealthState.Phase.STARTING
          || !Pause.pause(stop, state.delay(spec, clock.instant()))) {
        return state;
      }
    }
    return state;
  }
}
