package flynn.api.host;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A port of a process type or job; {@code port} 0 means "assign one". */
public record Port(
    @JsonProperty("port") int port,
    @JsonProperty("proto") String proto,
    @JsonProperty("service") Service service) {

  public Port withPort(int newPort) {
    return new Port(newPort, proto, service);
  }
}
