package flynn.appliances.mysql;

import com.fasterxml.jackson.databind.JsonNode;
import flynn.api.http.ApiException;
import flynn.api.provider.Provisioned;
import flynn.appliances.Provisioner;
import flynn.appliances.Secrets;
import flynn.appliances.platform.Appliance;
import flynn.appliances.platform.Superuser;
import java.sql.SQLException;

/**
 * The mysql provider: each resource is a database and a user of the same random name with a random
 * password, on the shared MariaDB appliance.
 */
public final class MysqlProvider implements Provisioner {
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
    Superuser root = appliance.superuser();
    try {
      MysqlServer.run(root, MysqlStatements.dropUser(id));
      MysqlServer.killSessions(root, id);
      MysqlServer.run(root, MysqlStatements.dropDatabase(id));
    } catch (SQLException e) {
      throw ApiException.unavailable("mysql: cannot drop database " + id + ": " + e.getMessage());
    }
  }
}
