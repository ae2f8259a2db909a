package flynn.appliances.sql;

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
 * A database provider (postgres, mysql): each resource is a database and a user of the same random
 * name with a random password, on the dialect's shared appliance.
 */
public final class SqlProvider implements Provisioner {
  private static final Logger LOG = LoggerFactory.getLogger(SqlProvider.class);
  public static final String PATH = "/databases";

  private final SqlDialect dialect;
  private final SqlServer server;
  private final Appliance appliance;
  private final Secrets secrets;

  public SqlProvider(SqlDialect dialect, Appliance appliance, Secrets secrets) {
    this.dialect = dialect;
    this.server = new SqlServer(dialect);
    this.appliance = appliance;
    this.secrets = secrets;
  }

  /** The provider's name: its service's. */
  public String name() {
    return dialect.env().service();
  }

  @Override
  public Provisioned provision(JsonNode config) {
    Superuser superuser = appliance.superuser();
    String name = secrets.name();
    String password = secrets.password();
    try {
      server.run(superuser, dialect.create(name, password));
    } catch (SQLException e) {
      dropQuietly(superuser, name);
      throw unavailable("create", name, e);
    }
    return new Provisioned(name, dialect.env().of(name, password));
  }

  @Override
  public void deprovision(String id) {
    if (!dialect.isName(id)) {
      throw ApiException.notFound("database", id);
    }
    appliance.existingSuperuser().ifPresent(superuser -> drop(superuser, id));
  }

  private void drop(Superuser superuser, String name) {
    try {
      server.drop(superuser, name);
    } catch (SQLException e) {
      throw unavailable("drop", name, e);
    }
  }

  /** Undoes a half-made resource; the provision's own error is the one to report. */
  private void dropQuietly(Superuser superuser, String name) {
    try {
      server.drop(superuser, name);
    } catch (SQLException e) {
      LOG.warn(
          "provider={} database={} event=cleanup-failed error=\"{}\"",
          name(),
          name,
          e.getMessage());
    }
  }

  private ApiException unavailable(String action, String database, SQLException e) {
    return ApiException.unavailable(
        name() + ": cannot " + action + " database " + database + ": " + e.getMessage());
  }
}
