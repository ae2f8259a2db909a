package flynn.host.health;

/** One check of a job's port; never throws, a failure is a result. */
@FunctionalInterface
public interface Probe {
  ProbeResult probe();

  /** The probe {@code spec} describes, of {@code host:port}. */
  static Probe of(CheckSpec spec, String host, int port) {
    return switch (spec.kind()) {
      case TCP -> new TcpProbe(host, port, spec.timeout());
      case HTTP -> new HttpProbe(host, port, spec);
    };
  }
}
