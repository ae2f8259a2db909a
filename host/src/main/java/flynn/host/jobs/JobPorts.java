package flynn.host.jobs;

import flynn.api.host.Port;
import flynn.api.http.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/** Port assignment and the job environment built from it. */
final class JobPorts {
  private JobPorts() {}

  /**
   * The job's ports with the protocol defaulted to tcp and every port 0 replaced by a free one.
   * When jobs share the host's network ({@code sharedNetwork}), every port is replaced: two jobs
   * asking for the same fixed port would collide, and {@code PORT} tells each job where to listen.
   */
  static List<Port> assign(List<Port> requested, boolean sharedNetwork, IntSupplier freePort) {
    List<Port> assigned = new ArrayList<>();
    if (requested == null) {
      return assigned;
    }
    for (int i = 0; i < requested.size(); i++) {
      Port p = requested.get(i);
      String proto = p.proto() == null || p.proto().isEmpty() ? "tcp" : p.proto();
      if (!proto.equals("tcp") && !proto.equals("udp")) {
        throw ApiException.validation(
            "config.ports[" + i + "].proto", "unknown port proto \"" + proto + "\"");
      }
      int port = p.port() == 0 || sharedNetwork ? freePort.getAsInt() : p.port();
      assigned.add(new Port(port, proto, p.service()));
    }
    return assigned;
  }

  /** The job's env with {@code PORT} (the first port) and {@code PORT_<i>} for each port. */
  static Map<String, String> env(Map<String, String> job, List<Port> ports) {
    Map<String, String> env = job == null ? new LinkedHashMap<>() : new LinkedHashMap<>(job);
    for (int i = 0; i < ports.size(); i++) {
      String port = Integer.toString(ports.get(i).port());
      if (i == 0) {
        env.put("PORT", port);
      }
      env.put("PORT_" + i, port);
    }
    return env;
  }

  /** The process environment: the host's base (PATH, HOME) overridden by the job's env. */
  static Map<String, String> processEnv(Map<String, String> base, Map<String, String> job) {
    Map<String, String> env = new LinkedHashMap<>(base);
    env.putAll(job);
    return env;
  }

  /** A TCP port on 127.0.0.1 that is free right now. */
  static int freeLoopbackPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }
}
