package flynn.host.jobs;

import flynn.api.host.ActiveJob;
import flynn.host.discovery.Registrar.Registration;
import flynn.host.run.RunningJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One job's mutable run state, shared by its lifecycle thread, its health monitors and stop
 * requests. The ordering rule it enforces: once a stop is asked for, no new discoverd registration
 * is kept.
 */
final class JobEntry {
  private record Kept(Registration registration, String addr) {}

  private ActiveJob current;
  private RunningJob running;
  private boolean stopRequested;
  private String unhealthy;
  private final List<Kept> registrations = new ArrayList<>();
  private final List<String> registeredAddrs = new ArrayList<>();
  private final CompletableFuture<Void> finished = new CompletableFuture<>();
  private final CompletableFuture<Void> stopping = new CompletableFuture<>();

  JobEntry(ActiveJob created) {
    this.current = created;
  }

  synchronized ActiveJob current() {
    return current;
  }

  synchronized void update(ActiveJob next) {
    current = next;
  }

  synchronized RunningJob running() {
    return running;
  }

  /** Records the started process; false if a stop came first (the caller must stop it). */
  synchronized boolean attach(RunningJob job) {
    running = job;
    return !stopRequested;
  }

  synchronized boolean stopRequested() {
    return stopRequested;
  }

  /** Marks the job as stopping and hands back its registrations to close before signalling. */
  synchronized List<Registration> requestStop() {
    stopRequested = true;
    stopping.complete(null);
    return takeRegistrations();
  }

  /** Completes when a stop is asked for. */
  CompletableFuture<Void> stopping() {
    return stopping;
  }

  /**
   * Keeps a registration of {@code addr}; false if the job is stopping (the caller must close it).
   */
  synchronized boolean keep(Registration registration, String addr) {
    if (stopRequested) {
      return false;
    }
    registrations.add(new Kept(registration, addr));
    if (!registeredAddrs.contains(addr)) {
      registeredAddrs.add(addr);
    }
    return true;
  }

  /** Every address the job was registered in discoverd with: what routers may send requests to. */
  synchronized List<String> registeredAddrs() {
    return List.copyOf(registeredAddrs);
  }

  synchronized List<Registration> takeRegistrations() {
    List<Registration> taken = registrations.stream().map(Kept::registration).toList();
    registrations.clear();
    return taken;
  }

  /** Takes back the registration of {@code addr}, to close it (its health check failed). */
  synchronized Optional<Registration> takeRegistration(String addr) {
    for (int i = 0; i < registrations.size(); i++) {
      if (registrations.get(i).addr().equals(addr)) {
        return Optional.of(registrations.remove(i).registration());
      }
    }
    return Optional.empty();
  }

  /** Records why the host kills the job (it stayed unhealthy); its crash report says so. */
  synchronized void markUnhealthy(String problem) {
    unhealthy = problem;
  }

  synchronized String unhealthy() {
    return unhealthy;
  }

  CompletableFuture<Void> finished() {
    return finished;
  }
}
