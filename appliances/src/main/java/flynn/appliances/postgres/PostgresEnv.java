package flynn.appliances.postgres;

import java.util.LinkedHashMap;
import java.util.Map;

/** The env an app gets with a postgres resource (Flynn's names). */
public final class PostgresEnv {
  public static final String SERVICE = "postgres";
  public static final String HOST = "leader." + SERVICE + ".discoverd";
  public static final int PORT = 5432;

  private PostgresEnv() {}

  public static Map<String, String> of(String name, String password) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("FLYNN_POSTGRES", SERVICE);
    env.put("PGHOST", HOST);
    env.put("PGPORT", Integer.toString(PORT));
    env.put("PGUSER", name);
    env.put("PGPASSWORD", password);
    env.put("PGDATABASE", name);
    env.put(
        "DATABASE_URL",
        "postgres://" + name + ":" + password + "@" + HOST + ":" + PORT + "/" + name);
    return env;
  }
}
