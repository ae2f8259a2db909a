package flynn.host.jobs;

import flynn.api.discoverd.Instance;
import flynn.api.host.HostJob;
import flynn.api.host.Port;
import flynn.api.http.ApiException;
import flynn.host.discovery.Registrar.Registration;
import flynn.host.health.CheckSpec;
import flynn.host.health.HealthMonitor;
import flynn.host.health.HealthState;
import flynn.host.health.Probe;
import flynn.host.health.StartCheck;
import flynn.host.run.RunningJob;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's service ports: brought up (each port's health check passes, then it is registered in
 * discoverd, then the routers route to it), then watched (a port whose check keeps failing is
 * deregistered until it passes again; with {@code kill_down} the job is killed).
 */
final class JobServices implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobServices.class);

  private record ServicePort(Port port, CheckSpec spec, Probe probe, String addr) {
    String service() {
      return port.service().name();
    }
  }

  private final Jobs jobs;
  private final JobEntry entry;
  private final JobLabels labels;
  private final RunningJob running;
  private final List<ServicePort> ports;
  private final List<HealthMonitor> monitors = new ArrayList<>();
  private final CompletableFuture<Object> ended;

  JobServices(Jobs jobs, JobEntry entry, JobLabels labels, RunningJob running, String address) {
    this.jobs = jobs;
    this.entry = entry;
    this.labels = labels;
    this.running = running;
    this.ports = servicePorts(entry.current().job(), address);
    this.ended = CompletableFuture.anyOf(running.exit(), entry.stopping());
  }

  /** How bringing the ports up ended: up, failed (why), or cut short by an exit or a stop. */
  record Outcome(boolean up, String failure) {
    static final Outcome UP = new Outcome(true, null);
    static final Outcome ENDED = new Outcome(false, null);

    static Outcome failed(String why) {
      return new Outcome(false, why);
    }
  }

  /** Checks, registers and routes every service port. */
  Outcome bringUp() {
    for (ServicePort p : ports) {
      HealthState state = StartCheck.await(p.spec(), p.probe(), jobs.settings().clock(), ended);
      if (state.phase() == HealthState.Phase.NEVER_UP) {
        return Outcome.failed(state.problem(p.spec()));
      }
      if (state.phase() != HealthState.Phase.UP) {
        return Outcome.ENDED;
      }
    }
    for (ServicePort p : ports) {
      String failure = register(p);
      if (failure != null) {
        return Outcome.failed(failure);
      }
    }
    ports.forEach(this::awaitRouters);
    return Outcome.UP;
  }

  /** Starts watching every service port, which passed its check at {@code bringUp}. */
  void watch() {
    for (ServicePort p : ports) {
      String name = "health-" + labels.jobId() + "-" + p.port().port();
      monitors.add(
          HealthMonitor.start(
              name,
              p.spec(),
              p.probe(),
              jobs.settings().clock(),
              HealthState.up(jobs.settings().clock().instant()),
              state -> changed(p, state)));
    }
  }

  private void changed(ServicePort p, HealthState state) {
    if (entry.stopRequested()) {
      return;
    }
    if (state.phase() == HealthState.Phase.UP) {
      String failure = register(p);
      LOG.info(
          "job={} service={} addr={} event=healthy registered={} error=\"{}\"",
          labels.jobId(),
          p.service(),
          p.addr(),
          failure == null,
          failure == null ? "" : failure);
      return;
    }
    String problem = state.problem(p.spec());
    LOG.warn(
        "job={} service={} addr={} event=unhealthy kill_down={} error=\"{}\"",
        labels.jobId(),
        p.service(),
        p.addr(),
        p.spec().killDown(),
        problem);
    entry.takeRegistration(p.addr()).ifPresent(Registration::close);
    if (p.spec().killDown()) {
      entry.markUnhealthy(problem);
      jobs.drain().await(labels.jobId(), List.of(p.addr()), jobs.settings().drainTimeout());
      running.stop(jobs.stopGraceOf(entry));
    }
  }

  private String register(ServicePort p) {
    Instance instance = Instance.of(p.port().proto(), p.addr(), labels.instanceMeta());
    try {
      Registration registration = jobs.registrar().register(p.service(), instance);
      if (!entry.keep(registration, p.addr())) {
        registration.close();
      }
      return null;
    } catch (ApiException e) {
      return "cannot register in discoverd service " + p.service() + ": " + e.getMessage();
    }
  }

  /** Bounded: a router that does not answer in time delays the job's "up", never fails it. */
  private void awaitRouters(ServicePort p) {
    if (!entry.stopRequested()) {
      jobs.readiness()
          .await(labels.jobId(), p.service(), p.addr(), jobs.settings().routerReadyTimeout());
    }
  }

  @Override
  public void close() {
    monitors.forEach(HealthMonitor::close);
  }

  private static List<ServicePort> servicePorts(HostJob job, String address) {
    List<Port> all = job.config().ports() == null ? List.of() : job.config().ports();
    return all.stream()
        .filter(p -> p.service() != null && p.service().name() != null)
        .filter(p -> "tcp".equals(p.proto()))
        .map(p -> {
          CheckSpec spec = CheckSpec.of(p.service().check());
          return new ServicePort(
              p, spec, Probe.of(spec, address, p.port()), address + ":" + p.port());
        })
        .toList();
  }
}
