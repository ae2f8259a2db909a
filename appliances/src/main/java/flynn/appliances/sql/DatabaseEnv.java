package flynn.appliances.sql;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The env an app gets with a database resource (Flynn's names), on the shared server of {@code
 * service}: {@code FLYNN_<SERVICE>}, the server's own variable names and a {@code DATABASE_URL}.
 */
public record DatabaseEnv(
    String service,
    int port,
    String hostVar,
    String portVar,
    String userVar,
    String passwordVar,
    String databaseVar) {

  public String host() {
    return "leader." + service + ".discoverd";
  }

  public Map<String, String> of(String name, String password) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("FLYNN_" + service.toUpperCase(Locale.ROOT), service);
    env.put(hostVar, host());
    env.put(portVar, Integer.toString(port));
    env.put(userVar, name);
    env.put(passwordVar, password);
    env.put(databaseVar, name);
    env.put(
        "DATABASE_URL",
        service + "://" + name + ":" + password + "@" + host() + ":" + port + "/" + name);
    return env;
  }
}
