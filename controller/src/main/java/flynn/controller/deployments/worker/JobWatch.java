package flynn.controller.deployments.worker;

import flynn.api.controller.Deployment;
import flynn.api.controller.Job;
import flynn.api.controller.JobState;
import flynn.controller.deployments.DeploymentEvents;
import flynn.controller.deployments.plan.Step;
import flynn.controller.events.EventBus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Follows one deployment's jobs: waits for a step's jobs (up or down) with a deadline, turns the
 * job events of its two releases into deployment events, and fails the deployment when a job of the
 * new release goes down while it is guarded. Woken by the {@link EventBus}, it reads the job table
 * and the event log itself.
 */
final class JobWatch {
  private static final Duration RECHECK = Duration.ofSeconds(1);

  private final Jdbi jdbi;
  private final EventBus bus;
  private final Clock clock;
  private final Deployment deployment;
  private long cursor;

  JobWatch(Jdbi jdbi, EventBus bus, Clock clock, Deployment deployment) {
    this.jdbi = jdbi;
    this.bus = bus;
    this.clock = clock;
    this.deployment = deployment;
    this.cursor = jdbi.withHandle(h -> new DeploymentJobs(h).latestEventId());
  }

  /**
   * Waits until the jobs of {@code releaseId} satisfy the step, or fails.
   *
   * @param guardNew whether a new release's job going down fails the deployment
   */
  void await(String releaseId, Step step, Duration timeout, boolean guardNew)
      throws DeployFailure, InterruptedException {
    Instant deadline = clock.instant().plus(timeout);
    while (true) {
      long generation = bus.generation();
      // counts first: events of every job change they reflect have committed, and are read next
      JobCounts counts =
          jdbi.withHandle(h -> new DeploymentJobs(h).counts(deployment.app(), releaseId));
      readEvents(guardNew);
      List<String> unmet = counts.unmet(step);
      if (unmet.isEmpty()) {
        return;
      }
      Duration left = Duration.between(clock.instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        throw new DeployFailure(timedOut(releaseId, step, timeout, unmet));
      }
      if (bus.isClosed()) {
        throw new InterruptedException("controller event bus closed");
      }
      bus.awaitChange(generation, left.compareTo(RECHECK) < 0 ? left : RECHECK);
    }
  }

  private void readEvents(boolean guardNew) throws DeployFailure {
    List<DeploymentJobs.JobEvent> events;
    do {
      long after = cursor;
      events = jdbi.withHandle(h -> new DeploymentJobs(h).eventsAfter(deployment.app(), after));
      for (DeploymentJobs.JobEvent e : events) {
        cursor = e.id();
        record(e.job());
        if (guardNew && isNewJobDown(e.job())) {
          throw new DeployFailure(whyDown(e.job()));
        }
      }
    } while (!events.isEmpty());
  }

  private void record(Job job) {
    boolean ours =
        deployment.newRelease().equals(job.release())
            || (deployment.oldRelease() != null && deployment.oldRelease().equals(job.release()));
    if (ours && (JobState.UP.equals(job.state()) || JobState.isDown(job.state()))) {
      jdbi.useTransaction(h -> DeploymentEvents.job(h, deployment, job));
    }
  }

  /** A job of the new release, started for this deployment, went down: a crash or failed start. */
  private boolean isNewJobDown(Job job) {
    return deployment.newRelease().equals(job.release())
        && JobState.isDown(job.state())
        && (job.createdAt() == null
            || deployment.createdAt() == null
            || !job.createdAt().isBefore(deployment.createdAt()));
  }

  private static String whyDown(Job job) {
    String why;
    if (job.hostError() != null && !job.hostError().isBlank()) {
      why = job.hostError();
    } else if (job.exitStatus() != null) {
      why = "exited with status " + job.exitStatus();
    } else {
      why = "went " + job.state();
    }
    return job.type() + " job of the new release failed: " + why;
  }

  private static String timedOut(
      String releaseId, Step step, Duration timeout, List<String> unmet) {
    String what = step.await() == Step.Wait.UP ? "to come up" : "to stop";
    return "timed out after "
        + timeout.toSeconds()
        + " s waiting for jobs of release "
        + releaseId
        + " "
        + what
        + " ("
        + String.join(", ", unmet)
        + ")";
  }
}
