package flynn.api.host;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * A port of a process type or job; {@code port} 0 (or absent, as in Flynn's release.json examples
 * {@code {"proto": "tcp"}}) means "assign one".
 */
public record Port(
    @JsonProperty("port") @JsonSetter(nulls = Nulls.AS_EMPTY) int port,
    @JsonProperty("proto") String proto,
    @JsonProperty("service") Service service) {

  public Port withPort(int newPort) {
    return new Port(newPort, proto, service);
  }
}
