package flynn.appliances.mysql;

import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.http.ApiException;
import flynn.api.provider.Provisioned;
import flynn.appliances.Provisioner;
import flynn.appliances.Secrets;
import flynn.appliances.platform.Appliance;
import flynn.appliances.platform.Superuser;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mysql provider: each resource is a database and a user of the same random name with a random
 * password, on the shared MariaDB appliance.
 */
public final class MysqlProvider implements Provisioner {
  private static final Logger LOG = LoggerFactory.getLogger(MysqlProvider.class);
  public static final String NAME = "mysql";
  public static final String PATH = "/databases";

  private final Appliance appliance;
  private final Secrets secrets;

  public MysqlProvider(Appliance appliance, Secrets secrets) {
    this.appliance = appliance;
    this.secrets = secrets;
  }

  @Override
  public Provisioned provision(JsonNode config) {
    Superuser root = appliance.superuser();
    String name = secrets.name();
    String password = secrets.password();
    try {
      MysqlServer.run(root, MysqlStatements.create(name, password));
    } catch (SQLException e) {
      dropQuietly(root, name);
      throw ApiException.unavailable(
          "mysql: cannot create database " + name + ": " + e.getMessage());
    }
    return new Provisioned(name, MysqlEnv.of(name, password));
  }

  @Override
  public void deprovision(String id) {
    if (!MysqlStatements.isName(id)) {
      throw ApiException.notFound("database", id);
    }
    appliance.existingSuperuser().ifPresent(root -> drop(root, id));
  }

  /** The user first, so no new session starts while the old ones are ended, then the data. */
  private static void drop(Superuser root, String name) {
    try {
      MysqlServer.run(root, MysqlStatements.dropUser(name));
      MysqlServer.killSessions(root, name);
      MysqlServer.run(root, MysqlStatements.dropDatabase(name));
    } catch (SQLException e) {
      throw ApiException.unavailable("mysql: cannot drop database " + name + ": " + e.getMessage());
    }
  }

  /** Undoes a half-made resource; the provision's own error is the one to report. */
  private static void dropQuietly(Superuser root, String name) {
    try {
      drop(root, name);
    } catch (ApiException e) {
      LOG.warn("database={} event=cleanup-failed error=\"{}\"", name, e.getMessage());
    }
  }
}
