package flynn.appliances.mysql;

import java.util.LinkedHashMap;
import java.util.Map;

/** The env an app gets with a mysql resource (Flynn's names). */
public final class MysqlEnv {
  public static final String SERVICE = "mysql";
  public static final String HOST = "leader." + SERVICE + ".discoverd";
  public static final int PORT = 3306;

  private MysqlEnv() {}

  public static Map<String, String> of(String name, String password) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("FLYNN_MYSQL", SERVICE);
    env.put("MYSQL_HOST", HOST);
    env.put("MYSQL_PORT", Integer.toString(PORT));
    env.put("MYSQL_USER", name);
    env.put("MYSQL_PWD", password);
    env.put("MYSQL_DATABASE", name);
    env.put(
        "DATABASE_URL", "mysql://" + name + ":" + password + "@" + HOST + ":" + PORT + "/" + name);
    return env;
  }
}
