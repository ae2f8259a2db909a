package flynn.api.discoverd;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A service's configuration, the body of {@code PUT /services/:service}. {@code leader_type} is
 * {@code oldest} (the instance with the lowest index leads) or {@code manual}.
 */
public record ServiceConfig(@JsonProperty("leader_type") String leaderType) {
  public static final String OLDEST = "oldest";
  public static final String MANUAL = "manual";

  public static ServiceConfig oldest() {
    return new ServiceConfig(OLDEST);
  }
}
